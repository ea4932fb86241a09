import { DATASET_FLAGS, parseDatasetFlags, type DatasetFlags } from './parse-dataset-flags.js';
import { parseFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** What `langgraph-mock export` was asked to do. */
export interface ExportOptions extends DatasetFlags {
  /** Write the fixture file there instead of stdout. */
  readonly output: string | undefined;
}

/** Parses the arguments of `export` (after the command word). */
export function parseExportOptions(args: readonly string[]): ExportOptions | 'help' | 'version' {
  const flags = parseFlags(args, [...DATASET_FLAGS, 'output']);
  if (flags.has('help')) return 'help';
  if (flags.has('version')) return 'version';
  const output = flags.string('output');
  if (output === '') throw new UsageError('--output must name a file');
  return { ...parseDatasetFlags(flags), output };
}
