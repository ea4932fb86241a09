import { describe, it, expect, afterAll, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { alternateRounds } from '../../bench/alternate-rounds.js';
import { judge, type BenchRow } from '../../bench/bench-row.js';
import { ChildServerError, startChildServer } from '../../bench/child-server.js';
import {
  formatBenchTable,
  formatTarget,
  formatValue,
  TABLE_HEADERS,
} from '../../bench/format-bench-report.js';
import { parseBenchArguments } from '../../bench/parse-bench-arguments.js';
import { randomPagePaths } from '../../bench/random-page-paths.js';
import { ratioRow } from '../../bench/ratio-row.js';
import { describeSpread, median, pairedRatio, percentile, ratio } from '../../bench/sample-statistics.js';
import { UsageError } from '../../src/cli/usage-error.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The smoke run compiles bench/ and src/ (a few seconds) and measures each section for a fraction of a second
// (about 15 s alone); the bound leaves room for the other test files running beside it.
const SMOKE_TIMEOUT_MS = 150_000;

describe('parseBenchArguments', () => {
  it.each([
    { name: 'no flag: the full run', argv: [], expected: { mode: 'full', json: false, help: false } },
    { name: '--quick', argv: ['--quick'], expected: { mode: 'quick', json: false, help: false } },
    {
      name: '--smoke --json',
      argv: ['--smoke', '--json'],
      expected: { mode: 'smoke', json: true, help: false },
    },
    {
      name: '--quick twice',
      argv: ['--quick', '--quick'],
      expected: { mode: 'quick', json: false, help: false },
    },
    { name: '-h', argv: ['-h'], expected: { mode: 'full', json: false, help: true } },
  ])('reads $name', ({ argv, expected }) => {
    expect(parseBenchArguments(argv)).toEqual(expected);
  });

  it.each([
    { name: 'an unknown flag', argv: ['--fast'], message: "Unknown option '--fast'" },
    {
      name: '--quick with --smoke',
      argv: ['--quick', '--smoke'],
      message: '--quick and --smoke exclude each other',
    },
  ])('rejects $name', ({ argv, message }) => {
    expect(() => parseBenchArguments(argv)).toThrow(new UsageError(message));
  });
});

describe('sample statistics', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates percentiles between ranks', () => {
    expect(percentile([0, 10], 99)).toBeCloseTo(9.9);
    expect(percentile([7], 50)).toBe(7);
  });

  it('refuses an empty sample set', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('gives NaN for a ratio over zero, so it can never pass', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(judge(ratio(1, 0), { comparison: 'at-most', bound: 2 })).toBe('MISS');
  });

  it('takes the median of the per-round ratios, not the ratio of the medians', () => {
    // Round medians give 200 / 100 = 2, but each round's pair says 1.5, 1.5 and 4.
    expect(pairedRatio([150, 300, 200], [100, 200, 50])).toBe(1.5);
    expect(pairedRatio([1, 2], [1, 0])).toBeNaN();
    expect(() => pairedRatio([1], [1, 2])).toThrow(RangeError);
  });
  it("describes the range of the rounds' ratios, and nothing for a single round", () => {
    expect(describeSpread([90, 120, 100], [100, 100, 100])).toBe('per round 0.90–1.20');
    expect(describeSpread([1], [1])).toBe('');
  });
});

describe('ratioRow', () => {
  it('judges the median of the per-round ratios and notes their range after the given note', () => {
    const row = ratioRow({
      section: 'scale',
      measure: 'page 1',
      numerators: [110, 120, 100],
      denominators: [100, 100, 100],
      note: '110 µs vs 100 µs',
      target: { comparison: 'at-most', bound: 1.2 },
    });
    expect(row).toEqual({
      section: 'scale',
      measure: 'page 1',
      value: 1.1,
      unit: 'x',
      note: '110 µs vs 100 µs, per round 1.00–1.20',
      target: { comparison: 'at-most', bound: 1.2 },
    });
  });
});

describe('judge', () => {
  it.each([
    { name: 'a ratio above an at-least bound', value: 0.95, comparison: 'at-least', verdict: 'PASS' },
    { name: 'a ratio on an at-least bound', value: 0.9, comparison: 'at-least', verdict: 'PASS' },
    { name: 'a ratio below an at-least bound', value: 0.85, comparison: 'at-least', verdict: 'MISS' },
    { name: 'a cost under an at-most bound', value: 0.85, comparison: 'at-most', verdict: 'PASS' },
    { name: 'a cost over an at-most bound', value: 0.95, comparison: 'at-most', verdict: 'MISS' },
  ] as const)('judges $name', ({ value, comparison, verdict }) => {
    expect(judge(value, { comparison, bound: 0.9 })).toBe(verdict);
  });
});

describe('formatBenchTable', () => {
  const rows: BenchRow[] = [
    {
      section: 'throughput',
      measure: 'mock, default page',
      value: 5321.4,
      unit: 'req/s',
      note: 'p50 1.10 ms',
    },
    {
      section: 'throughput',
      measure: 'mock ÷ Express floor',
      value: 0.87,
      unit: 'x',
      target: { comparison: 'at-least', bound: 0.9 },
    },
  ];

  it('prints the headers, a separator and one aligned line per row', () => {
    const lines = formatBenchTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]?.split('|').map((cell) => cell.trim())).toEqual(['', ...TABLE_HEADERS, '']);
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \|$/);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('shows a figure with its note and no verdict, a ratio with its target and verdict', () => {
    const [, , figure, judged] = formatBenchTable(rows)
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(figure).toEqual(['', 'throughput', 'mock, default page', '5,321 req/s (p50 1.10 ms)', '', '', '']);
    expect(judged).toEqual(['', 'throughput', 'mock ÷ Express floor', '0.87x', '≥ 0.90x', 'MISS', '']);
  });

  it.each([
    { value: 12.3456, unit: 'ms', text: '12 ms' },
    { value: 1.2345, unit: 'ms', text: '1.23 ms' },
    { value: 187.6, unit: 'µs', text: '188 µs' },
    { value: 1.5, unit: 's', text: '1.50 s' },
    { value: 150.04, unit: 'MB', text: '150.0 MB' },
    { value: 5.03, unit: 'B/run', text: '5.0 B/run' },
    { value: 12345.6, unit: 'checks/s', text: '12,346 checks/s' },
    { value: Number.NaN, unit: 'x', text: 'n/a' },
  ] as const)('formats $value $unit as $text', ({ value, unit, text }) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('writes an at-most target with ≤', () => {
    expect(formatTarget({ comparison: 'at-most', bound: 200 }, 'MB')).toBe('≤ 200.0 MB');
  });
});

describe('alternateRounds', () => {
  it('runs the targets forward, then backward, and files each sample under its target', async () => {
    const order: string[] = [];
    const samples = await alternateRounds(['A', 'B', 'C'], 3, (target, round) => {
      order.push(target);
      return Promise.resolve(`${target}${round}`);
    });
    expect(order.join('')).toBe('ABCCBAABC');
    expect(samples).toEqual([
      ['A0', 'A1', 'A2'],
      ['B0', 'B1', 'B2'],
      ['C0', 'C1', 'C2'],
    ]);
  });
});

describe('randomPagePaths', () => {
  const options = {
    threads: [
      { threadId: '00000000-0000-4000-8000-000000000001', runCount: 0 },
      { threadId: '00000000-0000-4000-8000-000000000002', runCount: 300 },
    ],
    count: 500,
    statuses: ['error', 'success'],
    fields: ['run_id', 'status', 'created_at'],
  };

  it('gives the same requests for the same seed', () => {
    expect(randomPagePaths(options)).toEqual(randomPagePaths(options));
    expect(randomPagePaths({ ...options, seed: 2 })).not.toEqual(randomPagePaths(options));
  });

  it('keeps limit in 1–50, offset within the thread, and filters or selects only allowed values', () => {
    const paths = randomPagePaths(options);
    expect(paths).toHaveLength(500);
    for (const path of paths) {
      const url = new URL(path, 'http://127.0.0.1');
      const thread = options.threads.find(
        (candidate) => url.pathname === `/threads/${candidate.threadId}/runs`,
      );
      expect(thread).toBeDefined();
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      expect(limit >= 1 && limit <= 50).toBe(true);
      expect(offset >= 0 && offset <= (thread?.runCount ?? 0)).toBe(true);
      for (const status of url.searchParams.getAll('status')) expect(options.statuses).toContain(status);
      for (const field of url.searchParams.getAll('select')) expect(options.fields).toContain(field);
    }
    expect(paths.some((path) => path.includes('status='))).toBe(true);
    expect(paths.some((path) => path.includes('select='))).toBe(true);
  });
});

describe('startChildServer', () => {
  const scripts = mkdtempSync(join(tmpdir(), 'bench-child-'));
  const script = (name: string, source: string): URL => {
    const path = join(scripts, name);
    writeFileSync(path, source);
    return pathToFileURL(path);
  };
  afterAll(() => {
    rmSync(scripts, { recursive: true, force: true });
  });

  it('resolves with the URL the server prints, and stop() ends the process', async () => {
    const server = await startChildServer({
      name: 'echo',
      script: script(
        'echo.mjs',
        `import { createServer } from 'node:http';
const server = createServer((request, response) => response.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('up on http://127.0.0.1:' + server.address().port));`,
      ),
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(server.url)).text()).toBe('ok');
    await server.stop();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('rejects with ChildServerError, quoting stderr, when the server exits before printing a URL', async () => {
    const failing = startChildServer({
      name: 'broken',
      script: script('broken.mjs', `console.error('no dataset'); process.exit(3);`),
    });
    await expect(failing).rejects.toThrow(ChildServerError);
    await expect(failing).rejects.toThrow(/broken did not start: exited \(code 3\)[\s\S]*no dataset/);
  });
});

// `npm test` has built dist/ (the start-up rows run the CLI bundle) and type-checked bench/ before Vitest
// runs, so the smoke compiles bench/ without checking it again and runs it as `npm run bench` does, minus
// that script's rebuild of dist/, which other test files read while it runs.
const TSC = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const RUN_BENCH = '.bench-build/bench/run-bench.js';

/** Runs `node <args>` in the project to its end; resolves with its exit code and output. */
function runNode(
  args: readonly string[],
  started: (child: ChildProcess) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'pipe' });
  started(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => {
    child.once('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the bench with --smoke', () => {
  let bench: ChildProcess | undefined;

  // On a timeout, the SIGTERM reaches the bench, which kills the servers it started.
  afterEach(() => {
    if (bench?.exitCode === null) bench.kill('SIGTERM');
  });

  it(
    'runs every section, exits 0 and prints the table',
    async () => {
      const track = (child: ChildProcess): void => {
        bench = child;
      };
      const compiled = await runNode([TSC, '-p', 'tsconfig.bench.json', '--noCheck'], track);
      expect(compiled).toMatchObject({ code: 0, stdout: '' });
      const { code, stdout, stderr } = await runNode([RUN_BENCH, '--smoke'], track);

      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const header = stdout.split('\n').find((line) => line.startsWith('| Section'));
      expect(header?.split('|').map((cell) => cell.trim())).toEqual(['', ...TABLE_HEADERS, '']);
      for (const section of [
        'throughput',
        'request core',
        'proxy',
        'scale',
        'large page',
        'startup',
        'memory',
        'contract kit',
        'threads at scale',
      ]) {
        expect(stdout).toMatch(new RegExp(`^\\| ${section} +\\|`, 'm'));
      }
      expect(stdout).toContain("import 'langgraph-mock-server' ÷ import express");
      // No timing is asserted: a smoke run's figures mean nothing, and CI machines vary.
      expect(stdout).toMatch(/\| (PASS|MISS) +\|$/m);
    },
    SMOKE_TIMEOUT_MS,
  );
});
