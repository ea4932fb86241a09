import { writeFileSync } from 'node:fs';
import { exportFixtures, formatFixtures } from '../fixtures/export-fixtures.js';
import { createSeededStore } from '../store/create-seeded-store.js';
import { loadDatasetFile } from './load-dataset-file.js';
import type { ExportOptions } from './parse-export-options.js';
import type { ConsoleOutput } from './serve-command.js';

/** Writes the seeded dataset as a fixture file (to stdout, or `--output`); returns the exit code. */
export function exportCommand(options: ExportOptions, output: ConsoleOutput): number {
  const text = formatFixtures(
    exportFixtures(createSeededStore({ ...options, dataset: loadDatasetFile(options.datasetFile) })),
  );
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
  output.err(`wrote ${options.output}\n`);
  return 0;
}
