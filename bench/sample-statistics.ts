/**
 * The median of some samples. The bench reports medians of rounds rather than means: one round disturbed by
 * a GC pause or another process should not move the figure.
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * The `p`-th percentile (0–100) of some samples, interpolating between the two nearest ranks so that small
 * sample sets still give a stable value.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile() needs at least one sample');
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const below = sorted[Math.floor(rank)] ?? 0;
  const above = sorted[Math.ceil(rank)] ?? below;
  return below + (above - below) * (rank - Math.floor(rank));
}

/** `numerator / denominator`, or NaN when the denominator is 0 (a target then reads as missed). */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/**
 * Each round's ratio, `numerators[r] / denominators[r]`. Two targets measured in the same round ran
 * seconds apart, so their ratio is free of the drift between rounds.
 */
export function roundRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length)
    throw new RangeError('a paired ratio needs one pair per round');
  return numerators.map((numerator, round) => ratio(numerator, denominators[round] ?? 0));
}

/**
 * The median of the rounds' ratios: the figure a target is judged on. Unlike a ratio of the two medians,
 * it carries none of the drift between rounds. NaN if any round's denominator was 0.
 *
 * @example
 * pairedRatio([150, 300, 200], [100, 200, 50]); // 1.5 (the ratio of the medians would say 2)
 */
export function pairedRatio(numerators: readonly number[], denominators: readonly number[]): number {
  const ratios = roundRatios(numerators, denominators);
  return ratios.some(Number.isNaN) ? Number.NaN : median(ratios);
}

/**
 * `per round 0.84–0.97`, the range of the rounds' ratios: the honest error bar of a `pairedRatio`, since a
 * median of 0.89 over rounds from 0.84 to 0.97 is no clear miss of 0.9. Empty for fewer than two rounds.
 */
export function describeSpread(numerators: readonly number[], denominators: readonly number[]): string {
  const ratios = roundRatios(numerators, denominators);
  if (ratios.length < 2 || ratios.some(Number.isNaN)) return '';
  return `per round ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}
