import { HELP_FLAG, parseFlags } from '../src/cli/parse-flags.js';
import { UsageError } from '../src/cli/usage-error.js';

/** How much the bench measures: everything (for the docs), a short run, or just enough to prove it works. */
export const BENCH_MODES = ['full', 'quick', 'smoke'] as const;

/** One bench mode. */
export type BenchMode = (typeof BENCH_MODES)[number];

/** What `npm run bench -- <flags>` asked for. */
export interface BenchArguments {
  readonly mode: BenchMode;
  /** Print the results as JSON on stdout instead of the table. */
  readonly json: boolean;
  readonly help: boolean;
}

/** The bench's `--help` text. */
export const BENCH_USAGE = `Usage: npm run bench [-- --quick | --smoke] [--json]

  (no flag)  the full run, a few minutes: the figures docs/benchmarks.md shows
  --quick    a short run (under a minute) to see the figures move
  --smoke    a tiny run (seconds; a 20,000-run thread instead of 1,000,000) that proves the script works
  --json     print the results as JSON on stdout instead of the table
  -h, --help show this help`;

/**
 * Parses the bench's flags; throws `UsageError` for one it does not know. Timing figures are only
 * comparable within one mode, so `--quick` and `--smoke` exclude each other rather than one silently
 * winning; repeating the same mode is harmless.
 *
 * @example
 * parseBenchArguments(['--quick', '--json']); // { mode: 'quick', json: true, help: false }
 */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  const { values } = parseFlags(argv, {
    ...HELP_FLAG,
    quick: { type: 'boolean', multiple: true },
    smoke: { type: 'boolean', multiple: true },
    json: { type: 'boolean' },
  });
  if (values.quick !== undefined && values.smoke !== undefined)
    throw new UsageError('--quick and --smoke exclude each other');
  return {
    mode: values.quick !== undefined ? 'quick' : values.smoke !== undefined ? 'smoke' : 'full',
    json: values.json === true,
    help: values.help === true,
  };
}
