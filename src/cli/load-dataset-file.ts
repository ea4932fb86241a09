import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadDatasetDefinition } from '../fixtures/load-dataset-definition.js';
import type { DatasetDefinition } from '../store/dataset-definition.js';

/** The dataset named by `--dataset`, validated, or undefined for the shipped one. */
export function loadDatasetFile(path: string | undefined): DatasetDefinition | undefined {
  return path === undefined ? undefined : loadDatasetDefinition(pathToFileURL(resolve(path)));
}
