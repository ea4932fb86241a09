import { getListRunsContract } from '../src/openapi/list-runs-contract.js';
import { loadDatasetDefinition } from '../src/fixtures/load-dataset-definition.js';

/** The real words the fuzzer mixes into its junk: read from the spec and fixtures/dataset.json. */
export interface Vocabulary {
  readonly selectable: readonly string[];
  readonly statuses: readonly string[];
  readonly filterStatuses: readonly string[];
  /** Scenario threads but the long one. */
  readonly threadIds: readonly string[];
  readonly longThreadId: string | undefined;
}

/** The select fields, statuses and scenario thread ids of this project; the 10,000-run thread apart. */
export function readFuzzVocabulary(): Vocabulary {
  const contract = getListRunsContract();
  const { scenarios } = loadDatasetDefinition();
  // The 10,000-run thread answers a "whole thread" limit with 11 MB; it gets a small share of its own.
  const long = scenarios.reduce((largest, scenario) =>
    runCount(scenario.statusCounts) > runCount(largest.statusCounts) ? scenario : largest,
  );
  return {
    selectable: contract.selectableFields,
    statuses: contract.runStatuses,
    filterStatuses: contract.statusFilterValues,
    threadIds: scenarios.filter((scenario) => scenario !== long).map((scenario) => scenario.threadId),
    longThreadId: long.threadId,
  };
}

function runCount(statusCounts: Readonly<Record<string, number>>): number {
  return Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
}
