import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetFile } from '../../src/cli/load-dataset-file.js';
import { DatasetDefinitionError } from '../../src/store/dataset-definition.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-dataset-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const SHIPPED = readFileSync(new URL('../../fixtures/dataset.json', import.meta.url), 'utf8');
const EXAMPLE_FIXTURES = readFileSync(
  new URL('../../fixtures/example-fixtures.json', import.meta.url),
  'utf8',
);

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** The message loadDatasetFile refuses `path` with. */
function refusal(path: string): string {
  try {
    loadDatasetFile(path);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetDefinitionError);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('loadDatasetFile', () => {
  it('reads a valid dataset file, and nothing without --dataset', () => {
    expect(loadDatasetFile(write('copy.json', SHIPPED))?.scenarios).toHaveLength(5);
    expect(loadDatasetFile(undefined)).toBeUndefined();
  });

  it('names a missing file as given, without a raw ENOENT', () => {
    const path = join(directory, 'nope.json');
    expect(refusal(path)).toBe(`--dataset ${path}: no such file`);
  });

  it('says so when the path is a directory', () => {
    expect(refusal(directory)).toBe(`--dataset ${directory}: is a directory, not a file`);
  });

  it.runIf(process.getuid?.() !== 0)('says so when the file cannot be read', () => {
    const path = write('locked.json', SHIPPED);
    chmodSync(path, 0o000);
    expect(refusal(path)).toBe(`--dataset ${path}: cannot be read (permission denied)`);
  });

  it('says the file is not JSON, with the parser reason', () => {
    const path = write('notes.txt', 'anchor: now');
    expect(refusal(path)).toMatch(new RegExp(`^--dataset ${path}: not valid JSON \\(.+\\)$`));
  });

  it('recognises a fixture file and points to --fixtures', () => {
    const path = write('fixtures.json', EXAMPLE_FIXTURES);
    expect(refusal(path)).toBe(
      `--dataset ${path}: this looks like a fixture file (format "langgraph-mock-fixtures"), not a dataset; ` +
        `serve it with --fixtures ${path}`,
    );
  });

  it('names the file and the first bad field of a dataset', () => {
    const broken = { ...(JSON.parse(SHIPPED) as Record<string, unknown>), anchor: '' };
    const path = write('broken.json', JSON.stringify(broken));
    expect(refusal(path)).toBe(`--dataset ${path}: anchor must be a non-empty string`);
  });
});
