import { describe, expect, it } from 'vitest';
import { SEED_STREAMS, seedStream } from '../../src/store/seed-streams.js';

describe('SEED_STREAMS', () => {
  it('gives the streams drawn straight from the seed distinct salts', () => {
    const fromSeed = [
      SEED_STREAMS.randomThreadIdRound,
      SEED_STREAMS.randomThreadIdFiller,
      SEED_STREAMS.liveLifecycle,
      SEED_STREAMS.simulatedConditions,
    ];
    expect(new Set(fromSeed).size).toBe(fromSeed.length);
  });

  it('gives the streams drawn per run distinct salts', () => {
    const perRun = [SEED_STREAMS.runCreatedJitter, SEED_STREAMS.generatedRun, SEED_STREAMS.draftedRun];
    expect(new Set(perRun).size).toBe(perRun.length);
  });
});

describe('seedStream', () => {
  it('draws the same values for the same seed and stream', () => {
    const draws = (): number[] => {
      const random = seedStream(7, 'liveLifecycle');
      return [random.uint32(), random.uint32(), random.uint32()];
    };
    expect(draws()).toEqual(draws());
  });

  it('draws different values for two streams of one seed, and for two seeds of one stream', () => {
    const first = (seed: number, name: 'liveLifecycle' | 'simulatedConditions'): number =>
      seedStream(seed, name).uint32();
    expect(first(7, 'liveLifecycle')).not.toBe(first(7, 'simulatedConditions'));
    expect(first(7, 'liveLifecycle')).not.toBe(first(8, 'liveLifecycle'));
  });
});
