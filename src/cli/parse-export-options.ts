import { isUuid } from '../openapi/uuid-format.js';
import { DATASET_FLAGS, parseDatasetFlags, type DatasetFlags } from './parse-dataset-flags.js';
import { COMMAND_FLAGS, integerFlag, parseFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** What `langgraph-mock export` was asked to do. */
export interface ExportOptions extends DatasetFlags {
  /** Write the fixture file there instead of stdout. */
  readonly output: string | undefined;
  /** Only these threads (lower case, each once), with the scenario threads if `scenariosOnly`. */
  readonly threadIds: readonly string[];
  /** Only the scenario threads (and any `threadIds`): the random threads are left out. */
  readonly scenariosOnly: boolean;
  /** The newest this many runs of each thread (`--max-runs`); Infinity for all. */
  readonly maxRuns: number;
}

/**
 * The runs per thread `--scenarios-only` keeps unless `--max-runs` says otherwise: the scenario threads
 * whole but `long`, whose 10,000 runs (18 MB) would make the small file that flag promises a large one.
 */
export const SCENARIOS_ONLY_MAX_RUNS = 100;

/** Parses the arguments of `export` (after the command word). */
export function parseExportOptions(args: readonly string[]): ExportOptions | 'help' | 'version' {
  const { values } = parseFlags(args, {
    ...COMMAND_FLAGS,
    ...DATASET_FLAGS,
    output: { type: 'string' },
    'max-runs': { type: 'string' },
    'scenarios-only': { type: 'boolean' },
    thread: { type: 'string', multiple: true },
  });
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  const { output } = values;
  if (output === '') throw new UsageError('--output must name a file');
  const threadIds = (values.thread ?? []).map((id) => {
    if (!isUuid(id)) throw new UsageError(`--thread must be a thread id (a UUID), got '${id}'`);
    return id.toLowerCase();
  });
  const scenariosOnly = values['scenarios-only'] === true;
  const allRuns = scenariosOnly ? SCENARIOS_ONLY_MAX_RUNS : Number.POSITIVE_INFINITY;
  return {
    ...parseDatasetFlags(values),
    output,
    threadIds: [...new Set(threadIds)],
    scenariosOnly,
    maxRuns: integerFlag('--max-runs', values['max-runs'], {
      fallback: allRuns,
      max: Number.MAX_SAFE_INTEGER,
    }),
  };
}
