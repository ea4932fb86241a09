import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allChecks } from '../../src/conformance/all-checks.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import type { RuleLevel } from '../../src/conformance/rule-level.js';
import { startBrokenServer, type BrokenServer } from '../helpers/broken-servers.js';
import { closedPort } from '../helpers/listen-on-free-port.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'dist/cli/main.js';
/** The checks the CLI runs against the mock at a level: it finds the mock's empty thread by itself. */
function checkCount(level: RuleLevel): number {
  return allChecks(getListRunsContract(), { hasEmptyThread: true, withPrism: true, level }).length;
}
const CHECK_COUNT = checkCount('semantics');

/** How a CLI run ended and what it wrote. */
interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();
let mock: MockServer;
let keyedMock: MockServer;
let broken: BrokenServer;
let tempDir: string;

/**
 * Runs the built CLI to its end. Asynchronous on purpose: the servers it checks live in this process,
 * so this event loop must keep answering while the child runs.
 */
function runCli(args: readonly string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectValidJUnit(xml: string): Record<string, unknown> {
  // fast-xml-validator is not a dependency; the validator kept in fast-xml-parser still does the job.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  expect(XMLValidator.validate(xml)).toBe(true);
  const document: unknown = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml);
  const suites =
    typeof document === 'object' && document !== null && 'testsuites' in document
      ? document.testsuites
      : undefined;
  if (typeof suites !== 'object' || suites === null) throw new Error(`no <testsuites> in ${xml}`);
  return suites as Record<string, unknown>;
}

beforeAll(async () => {
  if (!existsSync(new URL(`../../${CLI}`, import.meta.url))) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
  mock = await createMockServer({ host: '127.0.0.1', port: 0, threads: 0 });
  keyedMock = await createMockServer({ host: '127.0.0.1', port: 0, threads: 0, apiKey: 'sesame' });
  broken = await startBrokenServer('ignores-offset');
  tempDir = mkdtempSync(join(tmpdir(), 'langgraph-mock-check-'));
}, 120_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await mock.close();
  await keyedMock.close();
  await broken.close();
  rmSync(tempDir, { recursive: true, force: true });
});

describe('langgraph-mock check', () => {
  it('exits 0 against the mock with no flags and prints the verdict, its level and the passed checks', async () => {
    const run = await runCli(['check', mock.url]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`langgraph-mock check: all ${CHECK_COUNT} checks passed at level semantics`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^ {2}server ${mock.url.replaceAll('.', '\\.')}, thread [0-9a-f-]{36}, empty thread [0-9a-f-]{36}, seed 1, \\d+ ms$`,
      ),
    );
    expect(run.stdout).toContain(`Passed (${CHECK_COUNT}):`);
    expect(run.stdout).not.toMatch(/^FAIL/m);
  });

  it.each(['spec', 'semantics', 'strict'] as const)('passes the mock at --level %s', async (level) => {
    const run = await runCli(['check', mock.url, '--level', level]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`all ${checkCount(level)} checks passed at level ${level}`);
  });

  it('writes a valid JUnit report to --output and prints only the summary', async () => {
    const file = join(tempDir, 'report.xml');
    const run = await runCli(['check', broken.url, '--reporter', 'junit', '--output', file]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^langgraph-mock check: \d+ of \d+ checks failed at level semantics$/m);
    expect(run.stdout).toMatch(/^ {2}semantics +paging\.consistency +pages walked by offset differ/m);
    // The details are in the file, not on the terminal.
    expect(run.stdout).not.toMatch(/GET /);
    const suites = expectValidJUnit(readFileSync(file, 'utf8'));
    expect(suites['@_tests']).toBe(String(CHECK_COUNT));
  });

  it('prints a JSON report with the findings grouped by cause on stdout, and the summary on stderr', async () => {
    const run = await runCli(['check', broken.url, '--reporter', 'json', '--max-examples', '1']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      level: string;
      results: {
        id: string;
        level: string;
        findings: { cause: string; count: number; examples: unknown[] }[];
      }[];
    };
    expect(report.level).toBe('semantics');
    const consistency = report.results.find((result) => result.id === 'paging.consistency');
    expect(consistency?.level).toBe('semantics');
    expect(consistency?.findings).toEqual([
      { cause: 'pages walked by offset differ from the full list', count: 3, examples: [expect.anything()] },
    ]);
    expect(run.stderr).toMatch(/^langgraph-mock check: \d+ of \d+ checks failed/m);
  });

  it('exits 1 against a broken server: a summary worst first, then how to reproduce each finding', async () => {
    const run = await runCli(['check', broken.url, '--queries', '30']);
    expect(run.code, run.stderr).toBe(1);
    const summary = run.stdout.indexOf('Failed checks, worst first:');
    expect(summary).toBeGreaterThan(0);
    expect(run.stdout.indexOf('FAIL  paging.consistency')).toBeGreaterThan(summary);
    const escapedUrl = broken.url.replaceAll('.', '\\.');
    expect(run.stdout).toMatch(
      new RegExp(`^ +GET ${escapedUrl}/threads/[0-9a-f-]{36}/runs\\?limit=\\d+&offset=\\d+$`, 'm'),
    );
    expect(run.stdout).toMatch(/^ +pages of 1 differ from the full list first at index 1$/m);
    expect(run.stdout).toMatch(/^ +expected: \S/m);
    expect(run.stdout).toMatch(/^ +actual: +\S/m);
    expect(run.stdout).toMatch(/^ +\d+ of 30 generated queries differ from the model; the smallest/m);
  });

  it('tells to pass --api-key when most answers are 401 or 403, and passes with the key', async () => {
    const without = await runCli(['check', keyedMock.url]);
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(
      /^ {2}hint: \d+ of \d+ answers were 403: the server requires authentication; pass its key with --api-key <key>/m,
    );
    const withKey = await runCli(['check', keyedMock.url, '--api-key', 'sesame']);
    expect(withKey.code, withKey.stdout).toBe(0);
    expect(withKey.stdout).not.toContain('hint:');
  });

  describe('with --baseline', () => {
    // Both baselines start from one recorded JSON report of the broken server; each test edits its own copy.
    let recorded: string;
    beforeAll(async () => {
      const file = join(tempDir, 'recorded.json');
      const record = await runCli(['check', broken.url, '--reporter', 'json', '--output', file]);
      expect(record.code).toBe(1);
      recorded = readFileSync(file, 'utf8');
    }, 60_000);

    it('passes when every finding is in the baseline, and lists the baselined findings that are gone', async () => {
      const file = join(tempDir, 'known.json');
      const known = JSON.parse(recorded) as {
        results: { id: string; findings: { cause: string }[] }[];
      };
      known.results
        .find((result) => result.id === 'order.created-at-desc')
        ?.findings.push({ cause: 'fixed since' });
      writeFileSync(file, JSON.stringify(known));

      const run = await runCli(['check', broken.url, '--baseline', file]);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(`^Baseline ${file.replaceAll('.', '\\.')}: 0 new, [1-9]\\d* known, 1 gone$`, 'm'),
      );
      expect(run.stdout).toMatch(/^ {2}gone: {2}order\.created-at-desc: fixed since$/m);
    });

    it('fails on a finding whose cause the baseline does not hold, and names it', async () => {
      const file = join(tempDir, 'partial.json');
      const known = JSON.parse(recorded) as {
        results: { id: string; findings: unknown[] }[];
      };
      const consistency = known.results.find((result) => result.id === 'paging.consistency');
      if (consistency !== undefined) consistency.findings = [];
      writeFileSync(file, JSON.stringify(known));

      const run = await runCli(['check', broken.url, '--baseline', file]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^Baseline .*: 1 new, \d+ known, 0 gone$/m);
      expect(run.stdout).toMatch(
        /^ {2}new: {3}paging\.consistency: pages walked by offset differ from the full list \(3\)$/m,
      );
    });

    it('exits 2 when the baseline is not a JSON report of check', async () => {
      const file = join(tempDir, 'not-a-report.json');
      writeFileSync(file, '{"hello": 1}');
      const run = await runCli(['check', mock.url, '--baseline', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^langgraph-mock check: cannot use --baseline .*: not a JSON report of check/m,
      );
    });
  });

  it("explains Node's refused ports instead of blaming the server", async () => {
    const run = await runCli(['check', 'http://127.0.0.1:6000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad port: Node's fetch refuses port 6000 by its own rule/);
    expect(run.stderr).toMatch(/serve the server on another port/);
  });

  it('exits 2 with a clear message when the server cannot be reached', async () => {
    const port = await closedPort();
    const run = await runCli(['check', `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^langgraph-mock check: cannot reach http://127\\.0\\.0\\.1:${port}/\\S+: ECONNREFUSED$`,
        'm',
      ),
    );
    expect(run.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect(run.stdout).not.toMatch(/^(PASS|FAIL) /m);
  });

  it.each([
    { name: 'no base URL', args: ['check'], message: /check takes one base URL, got none/ },
    {
      name: 'an unknown reporter',
      args: ['check', 'http://127.0.0.1:9', '--reporter', 'xml'],
      message: /--reporter must be one of text, json, junit, got 'xml'/,
    },
    {
      name: 'an unknown level',
      args: ['check', 'http://127.0.0.1:9', '--level', 'lax'],
      message: /--level must be one of spec, semantics, strict, got 'lax'/,
    },
    {
      name: 'a base URL that is not a URL',
      args: ['check', 'not-a-url'],
      message: /the base URL must be an http\(s\) URL, got 'not-a-url'/,
    },
  ])('exits 2 on a usage error: $name', async ({ args, message }) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    const [firstLine = ''] = run.stderr.split('\n');
    expect(firstLine).toMatch(/^langgraph-mock: /);
    expect(firstLine).toMatch(message);
    expect(run.stderr).toContain("see 'langgraph-mock --help'");
    expect(run.stdout).toBe('');
  });
});
