import { writeFileSync } from 'node:fs';
import { exportFixtures, formatFixtures, type ThreadFilter } from '../fixtures/export-fixtures.js';
import { createSeededStore } from '../store/create-seeded-store.js';
import { loadDatasetFile } from './load-dataset-file.js';
import type { ExportOptions } from './parse-export-options.js';
import { plural } from './plural.js';
import type { ConsoleOutput } from './console-output.js';

/**
 * Writes the seeded dataset, or the threads `--thread` and `--scenarios-only` choose, as a fixture file
 * (to stdout, or `--output`), each thread with its newest `--max-runs` runs (all by default, 100 with
 * `--scenarios-only`), naming each thread cut short; returns the exit code: 2 when a `--thread` is not
 * in the dataset.
 */
export function exportCommand(options: ExportOptions, output: ConsoleOutput): number {
  const store = createSeededStore({ ...options, dataset: loadDatasetFile(options.datasetFile) });
  const known = new Set(store.threads().map((thread) => thread.threadId));
  const unknown = options.threadIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    output.err(
      `langgraph-mock export: no thread ${unknown.join(', ')} in this dataset ` +
        `(seed ${options.seed}, ${options.threads} random threads); the server lists its thread ids at start\n`,
    );
    return 2;
  }
  const include = threadFilter(options);
  const file = exportFixtures(store, { include, maxRuns: options.maxRuns });
  const text = formatFixtures(file);
  // Said even when the file goes to stdout: a thread cut short must not pass for the whole thread.
  for (const { threadId, scenario, runCount } of store.threads().filter(include)) {
    if (runCount <= options.maxRuns) continue;
    output.err(
      `${scenario ?? threadId}: kept the newest ${plural(options.maxRuns, 'run')} of ${runCount.toLocaleString('en-US')} ` +
        `(--max-runs <n> to change)\n`,
    );
  }
  if (options.output === undefined) {
    output.out(text);
    return 0;
  }
  try {
    writeFileSync(options.output, text);
  } catch (error) {
    output.err(`langgraph-mock export: cannot write ${options.output}: ${(error as Error).message}\n`);
    return 1;
  }
  const runs = file.threads.reduce((sum, thread) => sum + thread.runs.length, 0);
  output.err(
    `wrote ${options.output}: ${plural(file.threads.length, 'thread')}, ${plural(runs, 'run')}, ${sizeOf(text)}\n`,
  );
  return 0;
}

/** Every thread when neither flag is given; otherwise the union of what `--thread` and `--scenarios-only` pick. */
function threadFilter({ threadIds, scenariosOnly }: ExportOptions): ThreadFilter {
  if (threadIds.length === 0 && !scenariosOnly) return () => true;
  return (thread) => threadIds.includes(thread.threadId) || (scenariosOnly && thread.scenario !== undefined);
}

function sizeOf(text: string): string {
  const bytes = Buffer.byteLength(text);
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
