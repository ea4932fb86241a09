import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export-command.js';
import { parseCliArguments } from '../../src/cli/parse-cli-arguments.js';
import { parseFixtures } from '../../src/fixtures/parse-fixtures.js';
import type { FixtureFile } from '../../src/fixtures/fixture-file.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-export-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';
const SINGLE_RUN = '00000000-0000-4000-8000-000000000002';

/** Runs `langgraph-mock export <argv>` in-process; resolves with its exit code and what it printed. */
function exportWith(argv: readonly string[]): { code: number; out: string; err: string } {
  const request = parseCliArguments(['export', ...argv]);
  if (request.kind !== 'export') throw new Error(`not an export command: ${request.kind}`);
  let out = '';
  let err = '';
  const code = exportCommand(request.options, {
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

function threadsOf(path: string): FixtureFile['threads'] {
  return parseFixtures(JSON.parse(readFileSync(path, 'utf8')), path).threads;
}

describe('exportCommand', () => {
  it('writes only the threads given with --thread, a small file, and says what it wrote', () => {
    const path = join(directory, 'two-threads.json');
    const { code, err } = exportWith(['--thread', ALL_STATUSES, '--thread', SINGLE_RUN, '--output', path]);
    expect(code).toBe(0);
    const threads = threadsOf(path);
    expect(threads.map((thread) => [thread.thread_id, thread.runs.length])).toEqual([
      [SINGLE_RUN, 1],
      [ALL_STATUSES, 40],
    ]);
    expect(statSync(path).size).toBeLessThan(100_000);
    expect(err).toMatch(new RegExp(`^wrote ${path}: 2 threads, 41 runs, \\d+ KB\\n$`));
  });

  it('writes only the scenario threads with --scenarios-only, and a --thread besides them', () => {
    const seeded = JSON.parse(exportWith(['--threads', '3']).out) as FixtureFile;
    const random = seeded.threads.find((thread) => thread.scenario === undefined)?.thread_id ?? '';
    const scenarios = JSON.parse(exportWith(['--threads', '3', '--scenarios-only']).out) as FixtureFile;
    expect(scenarios.threads.map((thread) => thread.scenario)).toEqual([
      'empty',
      'single-run',
      'all-statuses',
      'busy',
      'long',
    ]);
    const withOne = JSON.parse(
      exportWith(['--threads', '3', '--scenarios-only', '--thread', random]).out,
    ) as FixtureFile;
    expect(withOne.threads.map((thread) => thread.thread_id)).toEqual([
      ...scenarios.threads.map((thread) => thread.thread_id),
      random,
    ]);
  });

  it('writes a small file with --scenarios-only: the newest 100 runs of long, and says so', () => {
    const path = join(directory, 'scenarios.json');
    const { code, err } = exportWith(['--scenarios-only', '--output', path]);
    expect(code).toBe(0);
    const threads = threadsOf(path);
    expect(threads.map((thread) => [thread.scenario, thread.runs.length])).toEqual([
      ['empty', 0],
      ['single-run', 1],
      ['all-statuses', 40],
      ['busy', 22],
      ['long', 100],
    ]);
    expect(statSync(path).size).toBeLessThan(500_000);
    expect(err).toMatch(
      new RegExp(
        `^long: kept the newest 100 runs of 10,000 \\(--max-runs <n> to change\\)\\n` +
          `wrote ${path}: 5 threads, 163 runs, \\d+ KB\\n$`,
      ),
    );
  });

  it('keeps the newest --max-runs runs of every thread, naming each thread cut short', () => {
    const { code, out, err } = exportWith(['--threads', '0', '--max-runs', '5']);
    expect(code).toBe(0);
    const file = parseFixtures(JSON.parse(out), 'stdout');
    expect(file.threads.map((thread) => thread.runs.length)).toEqual([0, 1, 5, 5, 5]);
    const whole = JSON.parse(exportWith(['--threads', '0']).out) as FixtureFile;
    expect(file.threads.map((thread) => thread.runs)).toEqual(whole.threads.map((t) => t.runs.slice(0, 5)));
    expect(err.split('\n').filter((line) => line !== '')).toEqual([
      'all-statuses: kept the newest 5 runs of 40 (--max-runs <n> to change)',
      'busy: kept the newest 5 runs of 22 (--max-runs <n> to change)',
      'long: kept the newest 5 runs of 10,000 (--max-runs <n> to change)',
    ]);
  });

  it('writes long whole with --scenarios-only when --max-runs allows it, saying nothing of caps', () => {
    const { code, out, err } = exportWith(['--scenarios-only', '--max-runs', '10000']);
    expect(code).toBe(0);
    const file = JSON.parse(out) as FixtureFile;
    expect(file.threads.find((thread) => thread.scenario === 'long')?.runs).toHaveLength(10_000);
    expect(err).toBe('');
  });

  it('exits 2 naming a --thread the dataset does not have, and writes nothing', () => {
    const path = join(directory, 'never.json');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const { code, out, err } = exportWith(['--thread', unknown, '--output', path]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`no thread ${unknown} in this dataset`);
    expect(() => statSync(path)).toThrow();
  });
});
