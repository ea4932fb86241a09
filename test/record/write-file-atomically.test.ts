import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/record/write-file-atomically.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-atomic-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('replaces the file whole and leaves no temporary file behind', () => {
    const path = join(directory, 'recording.json');
    writeFileSync(path, 'old');
    writeFileAtomically(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(directory)).toEqual(['recording.json']);
  });

  it('throws and cleans up its temporary file when the rename fails, leaving what was there', () => {
    const path = join(directory, 'occupied');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'kept');
    expect(() => {
      writeFileAtomically(path, 'text');
    }).toThrow();
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('kept');
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
