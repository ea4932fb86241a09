import { readFileSync } from 'node:fs';
import { parseDatasetDefinition, type DatasetDefinition } from '../../src/store/dataset-definition.js';

let shipped: DatasetDefinition | undefined;

/** `fixtures/dataset.json` as the CLI and the mock serve it by default, read from the file and validated. */
export function shippedDataset(): DatasetDefinition {
  shipped ??= parseDatasetDefinition(
    JSON.parse(readFileSync(new URL('../../fixtures/dataset.json', import.meta.url), 'utf8')),
    'fixtures/dataset.json',
  );
  return shipped;
}

/** The thread id of the scenario `name` of `fixtures/dataset.json`; throws for a name it lacks. */
export function scenarioThreadId(name: string): string {
  const scenario = shippedDataset().scenarios.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`test: fixtures/dataset.json has no scenario '${name}'`);
  return scenario.threadId;
}

/** The thread ids of every scenario of `fixtures/dataset.json`, in the file's order. */
export function scenarioThreadIds(): string[] {
  return shippedDataset().scenarios.map((scenario) => scenario.threadId);
}
