import { describe, it, expect } from 'vitest';
import { createRandom, hash32, hashString, type Random } from '../../src/store/random.js';

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.uint32());
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(createRandom(42), 50)).toEqual(draws(createRandom(42), 50));
    const a = createRandom(7);
    const b = createRandom(7);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives different sequences for different seeds', () => {
    const sequences = [0, 1, 2, 42, 0xffff_ffff].map((seed) => draws(createRandom(seed), 8).join(','));
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('returns floats in [0, 1) and unsigned 32-bit integers', () => {
    const random = createRandom(3);
    for (let i = 0; i < 5000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    for (const value of draws(random, 5000)) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0xffff_ffff);
    }
  });

  it('keeps int() within its bounds, both inclusive', () => {
    const random = createRandom(11);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = random.int(3, 7);
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(7);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('returns the only value of a one-value range', () => {
    const random = createRandom(12);
    for (let i = 0; i < 100; i++) expect(random.int(5, 5)).toBe(5);
  });

  it('never passes chance(0) and always passes chance(1)', () => {
    const random = createRandom(13);
    for (let i = 0; i < 1000; i++) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
    }
  });

  it('picks only elements of the list, and every one of them', () => {
    const random = createRandom(14);
    const items = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 300 }, () => random.pick(items)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRandom(15).pick([])).toThrow(RangeError);
  });

  it('returns only keys with a positive weight', () => {
    const random = createRandom(16);
    const weights = { never: 0, often: 3, sometimes: 1, alsoNever: 0 };
    const seen = new Set(Array.from({ length: 5000 }, () => random.weighted(weights)));
    expect([...seen].sort()).toEqual(['often', 'sometimes']);
  });

  it('follows the weights roughly over many draws', () => {
    const random = createRandom(17);
    const weights = { success: 86, error: 6, interrupted: 5, timeout: 3 };
    const draws = 40_000;
    const counts: Record<string, number> = {};
    for (let i = 0; i < draws; i++) {
      const key = random.weighted(weights);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    for (const [key, weight] of Object.entries(weights)) {
      const share = (counts[key] ?? 0) / draws;
      expect(Math.abs(share - weight / 100), `${key}: ${share}`).toBeLessThan(0.01);
    }
  });

  it('refuses an empty weight table', () => {
    expect(() => createRandom(18).weighted({})).toThrow(RangeError);
  });
});

describe('hash32', () => {
  it('is a pure function of its parts', () => {
    expect(hash32(1, 2, 3)).toBe(hash32(1, 2, 3));
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const parts of [[], [0], [1, 2, 3], [-1], [2 ** 40, 7]]) {
      const hash = hash32(...parts);
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThanOrEqual(0xffff_ffff);
    }
  });

  it.each([
    { name: 'the first part', other: [9, 2, 3] },
    { name: 'the middle part', other: [1, 9, 3] },
    { name: 'the last part', other: [1, 2, 9] },
    { name: 'the order of the parts', other: [3, 2, 1] },
    { name: 'an extra part', other: [1, 2, 3, 0] },
    { name: 'a missing part', other: [1, 2] },
  ])('changes when $name changes', ({ other }) => {
    expect(hash32(...other)).not.toBe(hash32(1, 2, 3));
  });

  it.each([
    { name: '2^32 + 5 against 5', high: 2 ** 32 + 5, low: 5 },
    { name: '2^32 against 0', high: 2 ** 32, low: 0 },
    { name: '2^40 + 1 against 1', high: 2 ** 40 + 1, low: 1 },
    { name: 'MAX_SAFE_INTEGER against its low 32 bits', high: Number.MAX_SAFE_INTEGER, low: 0xffff_ffff },
  ])('tells apart parts above 2^32 that share the low 32 bits: $name', ({ high, low }) => {
    expect(hash32(high)).not.toBe(hash32(low));
    expect(hash32(7, high)).not.toBe(hash32(7, low));
  });

  it('spreads consecutive inputs', () => {
    const hashes = Array.from({ length: 10_000 }, (_, n) => hash32(42, n));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('hashString', () => {
  it('is fixed by the text and differs between texts', () => {
    expect(hashString('busy')).toBe(hashString('busy'));
    const names = ['empty', 'single-run', 'all-statuses', 'busy', 'long', 'Busy', ''];
    expect(new Set(names.map(hashString)).size).toBe(names.length);
  });
});
