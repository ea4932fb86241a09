import { readFileSync } from 'node:fs';
import { FIXTURE_FORMAT } from '../fixtures/fixture-file.js';
import {
  DatasetDefinitionError,
  parseDatasetDefinition,
  type DatasetDefinition,
} from '../store/dataset-definition.js';

/**
 * The dataset named by `--dataset`, validated, or undefined for the shipped one. Every refusal is a
 * `DatasetDefinitionError` naming the file as given and what is wrong with it: missing, unreadable,
 * not JSON, a fixture file (which `--fixtures` serves), or the first bad field.
 */
export function loadDatasetFile(path: string | undefined): DatasetDefinition | undefined {
  if (path === undefined) return undefined;
  const source = `--dataset ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DatasetDefinitionError(`${source}: ${readProblem(error as NodeJS.ErrnoException)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetDefinitionError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof json === 'object' && json !== null && 'format' in json && json.format === FIXTURE_FORMAT) {
    throw new DatasetDefinitionError(
      `${source}: this looks like a fixture file (format "${FIXTURE_FORMAT}"), not a dataset; ` +
        `serve it with --fixtures ${path}`,
    );
  }
  return parseDatasetDefinition(json, source);
}

/** A read failure in words, rather than Node's `ENOENT: no such file or directory, open '…'`. */
function readProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'is a directory, not a file';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${error.code ?? error.message})`;
}
