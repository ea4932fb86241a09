import { DEFAULT_RANDOM_THREADS, DEFAULT_SEED } from '../store/create-seeded-store.js';
import { integerFlag, parseFlags } from './parse-flags.js';
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

/** Parses the arguments of `serve` (after the command word), or notes that help or the version was asked for. */
export function parseServeOptions(args: readonly string[]): ServeOptions | 'help' | 'version' {
  const flags = parseFlags(args, ['port', 'host', 'seed', 'threads', 'anchor']);
  if (flags.has('help')) return 'help';
  if (flags.has('version')) return 'version';
  return {
    port: integerFlag('--port', flags.string('port'), DEFAULT_PORT, 65_535),
    host: hostOption(flags.string('host')),
    seed: integerFlag('--seed', flags.string('seed'), DEFAULT_SEED, Number.MAX_SAFE_INTEGER),
    threads: integerFlag('--threads', flags.string('threads'), DEFAULT_RANDOM_THREADS, 1_000_000),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- our option, not String.prototype.anchor
    anchor: anchorOption(flags.string('anchor')),
  };
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
