import { median } from './sample-statistics.js';

/**
 * Measures several targets in rounds and returns each target's samples, `samples[target][round]`. Rounds
 * alternate direction, A B C, C B A, A B C…: every target runs next to every other in each round, so slow
 * drift (another process waking up, a VM neighbour, the CPU clock) is shared alike instead of charged to
 * whichever ran last, and a steady trend over the run cancels out across a forward and a backward round.
 *
 * @example
 * const samples = await alternateRounds(['mock', 'floor'], 5, (target) => burst(target));
 */
export async function alternateRounds<Target, Sample>(
  targets: readonly Target[],
  rounds: number,
  measure: (target: Target, round: number) => Promise<Sample>,
): Promise<Sample[][]> {
  const samples = targets.map((): Sample[] => []);
  const forward = [...targets.keys()];
  const backward = [...forward].reverse();
  for (let round = 0; round < rounds; round++) {
    for (const index of round % 2 === 0 ? forward : backward) {
      const target = targets[index];
      if (target !== undefined) samples[index]?.push(await measure(target, round));
    }
  }
  return samples;
}

/** The median of one numeric field over a target's rounds. */
export function medianOf<Sample>(samples: readonly Sample[], field: (sample: Sample) => number): number {
  return median(samples.map(field));
}
