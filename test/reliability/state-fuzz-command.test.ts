import { describe, expect, it } from 'vitest';
import { fuzzCommand } from '../../scripts/fuzz-command.js';
import { formatStateFuzzReport } from '../../scripts/state-fuzz-command.js';
import type { StateFuzzReport } from '../../scripts/state-fuzz/run-state-fuzz.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await fuzzCommand(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
  });
  return { code, out, err };
}

describe('npm run fuzz -- --state', () => {
  it('runs the sequences asked for and prints the seed and the counts by status', async () => {
    const { code, out, err } = await run([
      '--state',
      '--sequences',
      '5',
      '--seed',
      '7',
      '--max-commands',
      '4',
    ]);

    expect(code).toBe(0);
    expect(err).toContain('seed 7');
    expect(out).toMatch(/^state fuzz: 5 sequences, \d+ commands, seed 7/);
    expect(out).toMatch(/\nby status: {2}200 \d+/);
    expect(out).toContain('\n5xx:        0\n');
    expect(out).toContain('\ndivergences: 0\n');
  });

  it.each([
    {
      name: 'a count that is not a number',
      argv: ['--state', '--sequences', 'x'],
      says: '--sequences must be',
    },
    { name: 'a path without its seed', argv: ['--state', '--path', '1:2'], says: '--path needs the --seed' },
    {
      name: 'a path that is not one',
      argv: ['--state', '--seed', '1', '--path', 'a/b'],
      says: "fast-check's path",
    },
    { name: 'an unknown flag', argv: ['--state', '--cases', '3'], says: "'--cases'" },
  ])('refuses $name with exit code 2', async ({ argv, says }) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(says);
  });
});

describe('formatStateFuzzReport', () => {
  const report: StateFuzzReport = {
    seed: 42,
    sequences: 17,
    commands: 90,
    durationMs: 1234,
    byStatus: { '200': 80, '422': 9, '500': 1 },
    byCommand: { AppendRuns: 50, ListRuns: 40 },
    failure: {
      seed: 42,
      path: '16:2:0',
      replayPath: 'CFR:F',
      commands: 'appendRuns(live(0,0), one {}) /*replayPath="CFR:F"*/',
      message: 'POST /__mock/threads/x/runs answered 500',
    },
    serverErrors: ['Unexpected error: RangeError: boom\n    at somewhere'],
  };

  it('prints the 5xx, the divergence and the line that replays it', () => {
    const text = formatStateFuzzReport(report, 20);
    expect(text).toContain('\n5xx:        1\n');
    expect(text).toContain('errors logged by the server: 1\n  Unexpected error: RangeError: boom\n');
    expect(text).toContain('divergences: 1\n  POST /__mock/threads/x/runs answered 500');
    expect(text).toContain(
      "replay: npm run fuzz -- --state --seed 42 --path '16:2:0' --replay-path 'CFR:F' --max-commands 20",
    );
    expect(text).not.toContain('    at somewhere');
  });
});
