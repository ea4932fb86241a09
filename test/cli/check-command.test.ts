import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allChecks } from '../../src/conformance/all-checks.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { startBrokenServer, type BrokenServer } from '../helpers/broken-servers.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'dist/cli/main.js';
/** The checks the CLI runs against the mock: it finds the mock's empty thread by itself. */
const CHECK_COUNT = allChecks(getListRunsContract(), { hasEmptyThread: true, withPrism: true }).length;

/** How a CLI run ended and what it wrote. */
interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();
let mock: MockServer;
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

/** A port nothing listens on: one this test opened and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
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
  broken = await startBrokenServer('ignores-offset');
  tempDir = mkdtempSync(join(tmpdir(), 'langgraph-mock-check-'));
}, 120_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await mock.close();
  await broken.close();
  rmSync(tempDir, { recursive: true, force: true });
});

describe('langgraph-mock check', () => {
  it('exits 0 against the mock with no flags and prints every check and the summary', async () => {
    const run = await runCli(['check', mock.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${CHECK_COUNT} passed, 0 failed$`, 'm'));
    expect(run.stdout.match(/^PASS {2}/gm)).toHaveLength(CHECK_COUNT);
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(run.stdout).toContain(`checked ${mock.url} (thread `);
  });

  it('writes a valid JUnit report to --output and exits 0', async () => {
    const file = join(tempDir, 'report.xml');
    const run = await runCli(['check', mock.url, '--reporter', 'junit', '--output', file]);
    expect(run.code, run.stderr).toBe(0);
    // With --output, the terminal still gets the progress and the summary.
    expect(run.stdout).toMatch(new RegExp(`^${CHECK_COUNT} passed, 0 failed$`, 'm'));
    const suites = expectValidJUnit(readFileSync(file, 'utf8'));
    expect(suites['@_tests']).toBe(String(CHECK_COUNT));
    expect(suites['@_failures']).toBe('0');
  });

  it('prints a JSON report on stdout with --reporter json, and the progress on stderr', async () => {
    const run = await runCli(['check', mock.url, '--reporter', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report: unknown = JSON.parse(run.stdout);
    expect(report).toMatchObject({ baseUrl: mock.url, passed: CHECK_COUNT, failed: 0 });
    expect(run.stderr).toMatch(new RegExp(`^${CHECK_COUNT} passed, 0 failed$`, 'm'));
  });

  it('exits 1 against a broken server and shows how to reproduce each failure', async () => {
    const run = await runCli(['check', broken.url]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}paging\.consistency /m);
    const escapedUrl = broken.url.replaceAll('.', '\\.');
    expect(run.stdout).toMatch(
      new RegExp(`^ +GET ${escapedUrl}/threads/[0-9a-f-]{36}/runs\\?limit=\\d+&offset=\\d+$`, 'm'),
    );
    expect(run.stdout).toMatch(/^ +expected: \S/m);
    expect(run.stdout).toMatch(/^ +actual: +\S/m);
    expect(run.stdout).toMatch(/^\d+ passed, [1-9]\d* failed$/m);
    expect(run.stdout).toMatch(/^failed: .*\bpaging\.consistency\b/m);
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
