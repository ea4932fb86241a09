import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDatasetFile } from '../fixtures/read-dataset-file.js';
import type { DatasetDefinition } from '../store/dataset-definition.js';

/** The dataset named by `--dataset`, validated, or undefined for the shipped one. */
export function loadDatasetFile(path: string | undefined): DatasetDefinition | undefined {
  return path === undefined ? undefined : readDatasetFile(pathToFileURL(resolve(path)));
}
