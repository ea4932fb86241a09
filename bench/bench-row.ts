/** The units a bench figure is given in. */
export const BENCH_UNITS = ['req/s', 'ms', 'µs', 's', 'MB', 'B/run', 'checks/s', 'x'] as const;

/** One unit of a bench figure. */
export type BenchUnit = (typeof BENCH_UNITS)[number];

/** A bound a figure must meet: `at-least` for throughput-like figures, `at-most` for costs. */
export interface Target {
  readonly comparison: 'at-least' | 'at-most';
  readonly bound: number;
}

/** Whether a figure meets its target. */
export type Verdict = 'PASS' | 'MISS';

/** One line of the bench's table: a figure, or a ratio with the target it is judged against. */
export interface BenchRow {
  /** The heading: throughput, scale, startup, memory, contract kit. */
  readonly section: string;
  readonly measure: string;
  readonly value: number;
  readonly unit: BenchUnit;
  /** Secondary figures shown beside the value, e.g. the latency percentiles of a throughput run. */
  readonly note?: string;
  /** Only ratios and absolute limits the issue sets have one. */
  readonly target?: Target;
}

/**
 * Judges a figure. A NaN (a ratio over a zero) never passes: a measurement that went wrong must not
 * read as a met target.
 */
export function judge(value: number, target: Target): Verdict {
  if (Number.isNaN(value)) return 'MISS';
  const met = target.comparison === 'at-least' ? value >= target.bound : value <= target.bound;
  return met ? 'PASS' : 'MISS';
}
