import { DEFAULT_RANDOM_THREADS, DEFAULT_SEED } from '../store/create-seeded-store.js';
import { integerFlag, type FlagOptions, type FlagValues } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** The flags that choose the seeded dataset, shared by `serve` and `export`. */
export const DATASET_FLAGS = {
  seed: { type: 'string' },
  threads: { type: 'string' },
  anchor: { type: 'string' },
  dataset: { type: 'string' },
} as const satisfies FlagOptions;

/** Which seeded dataset to build. */
export interface DatasetFlags {
  readonly seed: number;
  readonly threads: number;
  readonly anchor: Date | 'now' | undefined;
  /** A dataset file (graphs, scenario threads, random threads) instead of fixtures/dataset.json. */
  readonly datasetFile: string | undefined;
}

/** Reads `--seed`, `--threads`, `--anchor` and `--dataset`, with the store's defaults for those not given. */
export function parseDatasetFlags(values: FlagValues<typeof DATASET_FLAGS>): DatasetFlags {
  return {
    seed: integerFlag('--seed', values.seed, { fallback: DEFAULT_SEED, max: Number.MAX_SAFE_INTEGER }),
    threads: integerFlag('--threads', values.threads, { fallback: DEFAULT_RANDOM_THREADS, max: 1_000_000 }),
    anchor: anchorOption(values.anchor),
    datasetFile: fileOption('--dataset', values.dataset),
  };
}

function anchorOption(value: string | undefined): Date | 'now' | undefined {
  if (value === undefined || value === 'now') return value;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--anchor must be an ISO 8601 date-time or "now", got '${value}'`);
  }
  return date;
}

function fileOption(flag: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`${flag} must name a file`);
  return value;
}
