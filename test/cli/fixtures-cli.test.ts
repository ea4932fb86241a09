import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFixtures } from '../../src/fixtures/parse-fixtures.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-cli-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Runs the built CLI to completion; resolves with its exit code and output, whatever the code. */
async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/cli/main.js', ...args], {
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('langgraph-mock export', () => {
  it('writes a valid fixture file of the seeded dataset to stdout', async () => {
    const { code, stdout } = await cli(['export', '--seed', '3', '--threads', '2']);
    expect(code).toBe(0);
    const file = parseFixtures(JSON.parse(stdout), 'stdout');
    expect(file.threads).toHaveLength(7);
    expect(file.threads.find((thread) => thread.scenario === 'long')?.runs).toHaveLength(10_000);
  });

  it('writes the same bytes for the same seed, other bytes for another', async () => {
    const first = await cli(['export', '--seed', '3', '--threads', '1']);
    const second = await cli(['export', '--seed', '3', '--threads', '1']);
    const other = await cli(['export', '--seed', '4', '--threads', '1']);
    expect(second.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it('writes to --output', async () => {
    const path = join(directory, 'dataset.json');
    const { code } = await cli(['export', '--threads', '0', '--output', path]);
    expect(code).toBe(0);
    expect(parseFixtures(JSON.parse(readFileSync(path, 'utf8')), path).threads).toHaveLength(5);
  });

  it('rejects an unknown flag with exit 2', async () => {
    expect((await cli(['export', '--port', '1'])).code).toBe(2);
  });
});

describe('langgraph-mock serve --fixtures', () => {
  it('refuses a bad fixture file with exit 2, listing each bad run by position and field', async () => {
    const path = join(directory, 'bad.json');
    const example = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'fixtures/example-fixtures.json'), 'utf8'),
    ) as {
      threads: { runs: Record<string, unknown>[] }[];
    };
    const [first] = example.threads;
    if (first?.runs[1] === undefined || first.runs[0] === undefined) throw new Error('example changed');
    first.runs[1]['status'] = 'finished';
    first.runs[0]['created_at'] = 'yesterday';
    writeFileSync(path, JSON.stringify(example));
    const { code, stderr } = await cli(['--port', '0', '--fixtures', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('threads[0].runs[1].status');
    expect(stderr).toContain('threads[0].runs[0].created_at');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a missing file with exit 2', async () => {
    const { code, stderr } = await cli(['--port', '0', '--fixtures', join(directory, 'nope.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('nope.json');
  });
});
