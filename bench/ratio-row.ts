import type { BenchRow, Target } from './bench-row.js';
import { describeSpread, pairedRatio } from './sample-statistics.js';

/** What a judged ratio row is built from: per-round samples of two targets measured in the same rounds. */
export interface RatioRowOptions {
  readonly section: string;
  readonly measure: string;
  readonly numerators: readonly number[];
  readonly denominators: readonly number[];
  readonly target: Target;
  /** Shown before the spread, e.g. the two medians the ratio compares. */
  readonly note?: string;
}

/**
 * A table row for a ratio the issue sets a target on: the median of the per-round ratios, with their
 * range in the note so a reader can tell a clear miss from one inside the noise.
 *
 * @example
 * ratioRow({ section: 'throughput', measure: 'mock ÷ floor', numerators: mock, denominators: floor, target });
 */
export function ratioRow(options: RatioRowOptions): BenchRow {
  const note = [options.note ?? '', describeSpread(options.numerators, options.denominators)]
    .filter((part) => part !== '')
    .join(', ');
  return {
    section: options.section,
    measure: options.measure,
    value: pairedRatio(options.numerators, options.denominators),
    unit: 'x',
    ...(note === '' ? {} : { note }),
    target: options.target,
  };
}
