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

/** A command line the bench does not understand; the message names the flag. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** The bench's `--help` text. */
export const BENCH_USAGE = `Usage: npm run bench [-- --quick | --smoke] [--json]

  (no flag)  the full run, a few minutes: the figures docs/benchmarks.md shows
  --quick    a short run (under a minute) to see the figures move
  --smoke    a tiny run (seconds; a 20,000-run thread instead of 1,000,000) that proves the script works
  --json     print the results as JSON on stdout instead of the table
  -h, --help show this help`;

/**
 * Parses the bench's flags. Timing figures are only comparable within one mode, so `--quick` and
 * `--smoke` exclude each other rather than one silently winning.
 *
 * @example
 * parseBenchArguments(['--quick', '--json']); // { mode: 'quick', json: true, help: false }
 */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  let mode: BenchMode = 'full';
  let json = false;
  let help = false;
  for (const flag of argv) {
    switch (flag) {
      case '--quick':
      case '--smoke': {
        const asked = flag === '--quick' ? 'quick' : 'smoke';
        if (mode !== 'full' && mode !== asked)
          throw new BenchUsageError('--quick and --smoke exclude each other');
        mode = asked;
        break;
      }
      case '--json':
        json = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      default:
        throw new BenchUsageError(`unknown flag '${flag}'`);
    }
  }
  return { mode, json, help };
}
