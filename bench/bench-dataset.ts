import { readFileSync } from 'node:fs';
import { parseDatasetDefinition, type DatasetDefinition } from '../src/store/dataset-definition.js';
import { DEFAULT_DATASET_URL } from '../src/fixtures/load-dataset-definition.js';

/** The scale section's large thread: page costs on it are compared with the small one's. */
export const LARGE_THREAD_ID = '00000000-0000-4000-8000-00000000b001';
/** The scale section's 10-run thread. */
export const SMALL_THREAD_ID = '00000000-0000-4000-8000-00000000b002';
/** Runs on the small thread: exactly one default page. */
export const SMALL_THREAD_RUNS = 10;

/**
 * The shipped dataset plus two scenario threads for the scale section: one of `largeRuns` runs (in the
 * `long` scenario's proportions) and one of 10 runs. The small thread's runs are all `error`, so each of
 * the four scale pages (page 1, deep, `status=error`, `select`) returns 10 runs on both threads: the
 * comparison is thread size alone, not page size.
 *
 * @example
 * createMockServer({ dataset: createBenchDataset(1_000_000) });
 */
export function createBenchDataset(largeRuns: number): DatasetDefinition {
  return parseDatasetDefinition(benchDatasetJson(largeRuns), 'bench dataset');
}

/** The same dataset as JSON, for a `--dataset` file given to the CLI. */
export function benchDatasetJson(largeRuns: number): Record<string, unknown> {
  const shipped = JSON.parse(readFileSync(DEFAULT_DATASET_URL, 'utf8')) as { scenarios: unknown[] };
  const error = Math.round(largeRuns * 0.045);
  const interrupted = Math.round(largeRuns * 0.025);
  const timeout = Math.round(largeRuns * 0.02);
  const scenarios = [
    ...shipped.scenarios,
    {
      name: 'bench-large',
      threadId: LARGE_THREAD_ID,
      description: `${largeRuns} finished runs, for the bench's scale and memory figures.`,
      statusCounts: { success: largeRuns - error - interrupted - timeout, error, interrupted, timeout },
      spacingSeconds: 30,
      lastRunAgeSeconds: 60,
    },
    {
      name: 'bench-small',
      threadId: SMALL_THREAD_ID,
      description: 'Ten failed runs: one full page whatever the filter.',
      statusCounts: { error: SMALL_THREAD_RUNS },
      spacingSeconds: 30,
      lastRunAgeSeconds: 60,
    },
  ];
  return { ...shipped, scenarios };
}

/** The thread id of a scenario of the shipped `fixtures/dataset.json`. */
export function shippedScenarioThreadId(name: string): string {
  const dataset = JSON.parse(readFileSync(DEFAULT_DATASET_URL, 'utf8')) as {
    scenarios: { name: string; threadId: string }[];
  };
  const scenario = dataset.scenarios.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`fixtures/dataset.json has no scenario '${name}'`);
  return scenario.threadId;
}

/** The path of the default page (no query: limit 10, offset 0) of a thread. */
export function runsPath(threadId: string, query = ''): string {
  return `/threads/${threadId}/runs${query === '' ? '' : `?${query}`}`;
}
