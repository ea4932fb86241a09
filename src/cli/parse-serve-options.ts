import { parseArgs } from 'node:util';
import { DEFAULT_RANDOM_THREADS, DEFAULT_SEED } from '../store/create-seeded-store.js';
import { UsageError } from './usage-error.js';

/** The default port: the one `langgraph dev` listens on, so apps need no change. */
export const DEFAULT_PORT = 2024;

/** What `langgraph-mock serve` was asked to do. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly seed: number;
  readonly threads: number;
  readonly anchor: Date | 'now' | undefined;
}

/** The parsed command line: a command to run, or a request for help or the version. */
export type CliRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'serve'; readonly options: ServeOptions };

/**
 * Parses the CLI's arguments (without `node` and the script). Throws `UsageError` with a one-line
 * message for an unknown command or flag, a missing value, or a value out of range.
 */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  const [first, ...rest] = argv;
  const hasCommand = first !== undefined && !first.startsWith('-');
  if (hasCommand && first !== 'serve') throw new UsageError(`unknown command '${first}'`);
  let parsed;
  try {
    parsed = parseArgs({
      args: attachNegativeValues(hasCommand ? rest : [...argv]),
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        threads: { type: 'string' },
        anchor: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs explains some errors over several lines; the CLI promises one.
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  return {
    kind: 'serve',
    options: {
      port: integerOption('--port', values.port, DEFAULT_PORT, 65_535),
      host: hostOption(values.host),
      seed: integerOption('--seed', values.seed, DEFAULT_SEED, Number.MAX_SAFE_INTEGER),
      threads: integerOption('--threads', values.threads, DEFAULT_RANDOM_THREADS, 1_000_000),
      anchor: anchorOption(values.anchor),
    },
  };
}

/**
 * `--seed -1` would make parseArgs complain of an "ambiguous" option; joining it as `--seed=-1` lets the
 * range check below say what is really wrong.
 */
function attachNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (/^--[a-z]+$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

function integerOption(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number <= max)) throw new UsageError(`${flag} must be an integer from 0 to ${max}, got '${value}'`);
  return number;
}

function hostOption(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  if (value.trim() === '') throw new UsageError('--host must not be empty');
  return value;
}

function anchorOption(value: string | undefined): Date | 'now' | undefined {
  if (value === undefined || value === 'now') return value;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--anchor must be an ISO 8601 date-time or "now", got '${value}'`);
  }
  return date;
}
