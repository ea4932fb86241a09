import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createFixtureStore } from '../../src/fixtures/create-fixture-store.js';
import { loadFixtures } from '../../src/fixtures/parse-fixtures.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { startBrokenServer } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { runCli, spawnCli, type CliChild } from '../helpers/spawn-cli.js';
import { closedPort, listenOnFreePort } from '../helpers/listen-on-free-port.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-proxy-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startMock(options: Parameters<typeof createMockServer>[0] = {}): Promise<MockServer> {
  const mock = await createMockServer(options);
  cleanups.push(() => mock.close());
  return mock;
}

async function startProxy(args: readonly string[]): Promise<{ cli: CliChild; url: string }> {
  const cli = spawnCli(['proxy', '--port', '0', ...args]);
  cleanups.push(() => {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  });
  const match = await cli.waitFor(/^langgraph-mock proxy listening on (http:\/\/\S+)$/m);
  return { cli, url: match[1] ?? '' };
}

const allStatuses = scenarioThreadId('all-statuses');
const busy = scenarioThreadId('busy');
const singleRun = scenarioThreadId('single-run');
const empty = scenarioThreadId('empty');
const long = scenarioThreadId('long');

/** The script's 20 requests: whole pages of four threads, a slice of the long one, and selects. */
const SCRIPT = [
  `/threads/${allStatuses}/runs?limit=10`,
  `/threads/${allStatuses}/runs?limit=10&offset=10`,
  `/threads/${allStatuses}/runs?limit=10&offset=20`,
  `/threads/${allStatuses}/runs?limit=10&offset=30`,
  `/threads/${busy}/runs?limit=22`,
  `/threads/${singleRun}/runs`,
  `/threads/${empty}/runs`,
  `/threads/${long}/runs?limit=50`,
  `/threads/${long}/runs?limit=50&offset=50`,
  `/threads/${allStatuses}/runs?select=run_id&select=status`,
  `/threads/${busy}/runs?select=run_id&limit=5`,
  `/threads/${long}/runs?select=run_id&select=created_at&limit=20`,
  `/threads/${allStatuses}/runs?status=success`,
  `/threads/${busy}/runs?status=pending`,
  `/threads/${allStatuses}/runs?limit=abc`,
  `/threads/00000000-0000-4000-8000-0000000000ff/runs`,
  `/threads/${singleRun}/runs?select=kwargs`,
  `/__mock/threads`,
  `/ok`,
  `/threads/${allStatuses}/runs?limit=3&offset=37`,
];

/** Queries the script never made, over the threads it recorded whole. */
const NEVER_MADE = [
  `/threads/${allStatuses}/runs?limit=7&offset=13`,
  `/threads/${allStatuses}/runs?status=error&select=run_id&select=updated_at`,
  `/threads/${allStatuses}/runs?status=pending&limit=2&offset=1`,
  `/threads/${allStatuses}/runs?select=metadata&select=multitask_strategy&offset=35`,
  `/threads/${busy}/runs?status=interrupted`,
  `/threads/${busy}/runs?limit=4&offset=18&select=kwargs`,
  `/threads/${busy}/runs?status=timeout&limit=1`,
  `/threads/${singleRun}/runs?select=assistant_id&select=thread_id`,
  `/threads/${empty}/runs?status=error`,
  `/threads/${long}/runs?limit=0`,
];

describe('langgraph-mock proxy --record', () => {
  it('records the runs of 20 requests, and the replay answers queries never made like the original', async () => {
    const mock = await startMock({ seed: 9 });
    const file = join(directory, 'proxied.json');
    const { cli, url } = await startProxy(['--target', mock.url, '--record', file]);
    expect(SCRIPT).toHaveLength(20);
    for (const path of SCRIPT) await (await fetch(url + path)).text();
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toMatch(/0 contract violations seen; recorded 163 runs of 5 threads/);

    const recorded = loadFixtures(file);
    expect(recorded.threads.map((thread) => [thread.thread_id, thread.runs.length])).toEqual([
      [allStatuses, 40],
      [busy, 22],
      [singleRun, 1],
      [empty, 0],
      [long, 100],
    ]);
    const replay = await createMockServer({ store: createFixtureStore(recorded) });
    cleanups.push(() => replay.close());
    for (const path of NEVER_MADE) {
      expect(SCRIPT).not.toContain(path);
      const [expected, replayed] = await Promise.all([fetch(mock.url + path), fetch(replay.url + path)]);
      expect({ path, status: replayed.status, body: await replayed.text() }).toEqual({
        path,
        status: expected.status,
        body: await expected.text(),
      });
    }
    // The long thread was seen only in part: the replay knows those 100 runs, newest first.
    const longPage = (await (
      await fetch(`${replay.url}/threads/${long}/runs?limit=3&offset=98`)
    ).json()) as unknown[];
    expect(longPage).toHaveLength(2);
  });

  it('leaves the last complete write when killed outright', async () => {
    const mock = await startMock({ seed: 9 });
    const file = join(directory, 'killed.json');
    const { cli, url } = await startProxy(['--target', mock.url, '--record', file]);
    // Written at once: a recording killed before its first answer still loads.
    expect(loadFixtures(file).threads).toEqual([]);
    await (await fetch(`${url}/threads/${busy}/runs?limit=22`)).text();
    await waitUntil(() => readFileSync(file, 'utf8').includes(busy));
    cli.child.kill('SIGKILL');
    await cli.exited;
    expect(loadFixtures(file).threads[0]?.runs).toHaveLength(22);
    expect(existsSync(`${file}.${String(cli.child.pid)}.tmp`)).toBe(false);
  });

  it('records invalid runs as they came and lists them; serve refuses the file unless --lenient', async () => {
    const broken = await startBrokenServer('non-rfc3339-timestamp');
    cleanups.push(() => broken.close());
    const file = join(directory, 'invalid.json');
    const { cli, url } = await startProxy(['--target', broken.url, '--record', file]);
    const answer = (await (await fetch(`${url}/threads/${busy}/runs?limit=3`)).json()) as {
      created_at: string;
    }[];
    const listed = (await (await fetch(`${url}/__mock/violations`)).json()) as { total: number };
    expect(listed.total).toBe(3);
    expect(cli.stdout()).toMatch(
      /^violation: GET \/threads\/\S+ -> 200: body-schema: \/0\/created_at must match format "date-time"/m,
    );
    cli.child.kill('SIGTERM');
    await cli.exited;

    const refused = await runCli(['--port', '0', '--fixtures', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/threads\[0\]\.runs\[0\]\.created_at: must match format "date-time"/);

    const lenient = spawnCli(['--port', '0', '--quiet', '--fixtures', file, '--lenient']);
    cleanups.push(() => {
      lenient.child.kill('SIGKILL');
    });
    const served = (await lenient.waitFor(/^langgraph-mock listening on (http:\/\/\S+)$/m))[1] ?? '';
    expect(lenient.stderr()).toMatch(/^warning: .*threads\[0\]\.runs\[0\]\.created_at: must match format/m);
    // A created_at that is not RFC 3339 cannot be ordered, so --lenient leaves those runs out, saying so.
    expect(answer).toHaveLength(3);
    expect(lenient.stderr()).toMatch(/left out/);
    const replayed = (await (await fetch(`${served}/threads/${busy}/runs`)).json()) as unknown[];
    expect(replayed).toEqual([]);
  });
});

describe('langgraph-mock proxy refuses a target it cannot use', () => {
  it.each([
    ['not a URL', ['--target', 'localhost:2024'], /--target must be an http:\/\/ or https:\/\/ URL/],
    ['not HTTP(S)', ['--target', 'ftp://127.0.0.1/'], /--target must be an http:\/\/ or https:\/\/ URL/],
  ])('%s: one line, exit 2', async (_name, args, message) => {
    const { code, stderr } = await runCli(['proxy', '--port', '0', ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('nobody listening: one line, exit 2', async () => {
    const port = await closedPort();
    const { code, stderr } = await runCli(['proxy', '--port', '0', '--target', `http://127.0.0.1:${port}`]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^langgraph-mock proxy: target http:\/\/127\.0\.0\.1:\d+ is unreachable/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a server that does not speak HTTP: one line, exit 2', async () => {
    const target = await startNonHttpServer();
    const { code, stderr } = await runCli(['proxy', '--port', '0', '--target', target]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^langgraph-mock proxy: target \S+ did not answer HTTP/);
  });
});

/** A TCP server that greets like SSH, for as long as the test runs. */
async function startNonHttpServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.end('SSH-2.0-OpenSSH_9.6\r\n');
  });
  const port = await listenOnFreePort(server);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        for (const socket of sockets) socket.destroy();
      }),
  );
  return `http://127.0.0.1:${port}`;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
