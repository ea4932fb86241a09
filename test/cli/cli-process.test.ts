import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { USAGE } from '../../src/cli/usage.js';
import { checkedFetch } from '../helpers/checked-fetch.js';
import { listenOnFreePort } from '../helpers/listen-on-free-port.js';
import { scenarioThreadIds } from '../helpers/scenario-thread-id.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'dist/cli/main.js';
const STARTUP_TIMEOUT_MS = 15_000;
const EXIT_BOUND_MS = 5_000;

/** A spawned CLI process and what it has written so far. */
interface CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code and signal once the process has exited. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

/** A started server, parsed from its banner. */
interface StartedCli extends CliProcess {
  readonly url: string;
}

const spawned = new Set<CliProcess>();
const ownServers = new Set<Server>();

function startCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const cli = { child, stdout: () => stdout, stderr: () => stderr, exited };
  spawned.add(cli);
  return cli;
}

/** Waits until the process has printed its whole banner (through the curl line), or fails if it exits. */
async function startServer(args: readonly string[]): Promise<StartedCli> {
  const cli = startCli(['--port', '0', ...args]);
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no banner after ${STARTUP_TIMEOUT_MS} ms; stdout: ${cli.stdout()}`));
    }, STARTUP_TIMEOUT_MS);
    const check = (): void => {
      if (/^\s*curl '[^']+'$/m.test(cli.stdout())) {
        clearTimeout(timer);
        resolve(cli.stdout());
      }
    };
    cli.child.stdout.on('data', check);
    void cli.exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${String(code)} before listening; stderr: ${cli.stderr()}`));
    });
    check();
  });
  const match = /^langgraph-mock listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(banner);
  if (match?.[1] === undefined) throw new Error(`no listening line in: ${banner}`);
  return { ...cli, url: match[1] };
}

/** Resolves with how the process exited, or rejects if it is still running after the bound. */
async function exitWithin(
  cli: CliProcess,
  bound: number,
): Promise<{ code: number | null; signal: string | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`still running ${bound} ms later`));
    }, bound);
  });
  try {
    return await Promise.race([cli.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

/** Answers, as status and exact body bytes, for each path in order. */
async function fetchAll(baseUrl: string, paths: readonly string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const path of paths) {
    const response = await checkedFetch(`${baseUrl}${path}`);
    answers.push(`${path} ${response.status} ${response.text}`);
  }
  return answers;
}

beforeAll(() => {
  if (!existsSync(new URL(`../../${CLI}`, import.meta.url))) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  }
}, 120_000);

afterEach(async () => {
  for (const cli of spawned) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    await cli.exited;
  }
  spawned.clear();
  for (const server of ownServers) {
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }
  ownServers.clear();
});

describe('the langgraph-mock CLI process', () => {
  describe('serving', () => {
    // One process for the tests that only read its banner and ask it; the ones that stop it start their own.
    let served: StartedCli;
    beforeAll(async () => {
      served = await startServer(['--seed', '7']);
      // Out of the set afterEach kills, so it lives through this block's tests.
      for (const cli of spawned) if (cli.child === served.child) spawned.delete(cli);
    });
    afterAll(() => {
      served.child.kill('SIGKILL');
      return served.exited;
    });

    it('prints its URL, the seed, every scenario thread and a curl command', () => {
      const out = served.stdout();
      expect(out).toMatch(/^langgraph-mock listening on http:\/\/127\.0\.0\.1:[1-9]\d*$/m);
      expect(out).toMatch(/\bseed 7\b/);
      const ids = scenarioThreadIds();
      expect(ids).toHaveLength(5);
      for (const id of ids) expect(out).toContain(id);
      expect(out).toMatch(new RegExp(`^\\s*curl '${served.url}/threads/[0-9a-f-]{36}/runs[^']*'$`, 'm'));
    });

    it('answers a request to the printed URL with 200 and a JSON list of runs', async () => {
      const [, threadId = ''] = scenarioThreadIds();
      const response = await checkedFetch(`${served.url}/threads/${threadId}/runs`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
      const body = response.body;
      expect(Array.isArray(body)).toBe(true);
      expect(body).toHaveLength(1);
    });

    it('answers the curl command it prints', async () => {
      const curlUrl = /^\s*curl '([^']+)'$/m.exec(served.stdout())?.[1];
      expect(curlUrl).toBeDefined();
      const response = await checkedFetch(curlUrl ?? '');
      expect(response.status).toBe(200);
      const body = response.body;
      expect(Array.isArray(body) && body.length > 0).toBe(true);
    });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits with code 0 within 5 s of %s, even after serving a keep-alive request',
    async (signal) => {
      const cli = await startServer([]);
      const [, threadId = ''] = scenarioThreadIds();
      expect((await checkedFetch(`${cli.url}/threads/${threadId}/runs`)).status).toBe(200);
      cli.child.kill(signal);
      expect(await exitWithin(cli, EXIT_BOUND_MS)).toEqual({ code: 0, signal: null });
    },
  );

  it('exits 2 on an unknown flag, with a one-line error naming it and a pointer to --help', async () => {
    const cli = startCli(['--bogus']);
    expect((await cli.exited).code).toBe(2);
    const [firstLine = '', ...rest] = cli.stderr().split('\n');
    expect(firstLine).toMatch(/^langgraph-mock: .*--bogus/);
    expect(rest).toEqual(["see 'langgraph-mock --help'", '']);
    expect(cli.stdout()).toBe('');
  });

  it('exits 2 instead of starting when a flag is given twice (--port abc --port 31002)', async () => {
    const cli = startCli(['--port', 'abc', '--port', '31002']);
    expect((await exitWithin(cli, EXIT_BOUND_MS)).code).toBe(2);
    expect(cli.stderr()).toBe(
      "langgraph-mock: --port is given twice ('abc', then '31002'); give it once\nsee 'langgraph-mock --help'\n",
    );
    expect(cli.stdout()).toBe('');
  });

  it('exits 2 naming a missing --dataset file, without a raw ENOENT', async () => {
    const cli = startCli(['--port', '0', '--dataset', 'no-such-dataset.json']);
    expect((await exitWithin(cli, EXIT_BOUND_MS)).code).toBe(2);
    expect(cli.stderr()).toBe('langgraph-mock: --dataset no-such-dataset.json: no such file\n');
  });

  it('prints the usage and exits 0 for --help', async () => {
    const cli = startCli(['--help']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toBe(`${USAGE}\n`);
    expect(cli.stderr()).toBe('');
  });

  it('prints the package version and exits 0 for --version', async () => {
    const cli = startCli(['--version']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toBe(`${packageVersion()}\n`);
  });

  it('serves byte-identical bodies from two processes with the same seed, and others with another seed', async () => {
    const first = await startServer(['--seed', '11']);
    const second = await startServer(['--seed', '11']);
    const other = await startServer(['--seed', '12']);
    expect(second.url).not.toBe(first.url);

    const threadIds = [...first.stdout().matchAll(/^\s+\S+\s+([0-9a-f-]{36})\s+\d+ runs?$/gm)].map(
      ([, id = '']) => id,
    );
    expect(threadIds).toEqual(scenarioThreadIds());
    const paths = threadIds.flatMap((id) => [
      `/threads/${id}/runs`,
      `/threads/${id}/runs?limit=3&offset=2`,
      `/threads/${id}/runs?limit=25&offset=10`,
      `/threads/${id}/runs?select=run_id&select=status&select=created_at`,
      `/threads/${id}/runs?status=success&limit=5`,
      `/threads/${id}/runs?status=pending`,
      `/threads/${id}/runs?status=error&offset=1&select=run_id`,
      `/threads/${id.toUpperCase()}/runs?limit=2`,
    ]);
    paths.push(
      `/threads/${scenarioThreadIds()[4] ?? ''}/runs?offset=9990&limit=20`,
      '/threads/11111111-1111-4111-8111-111111111111/runs',
      `/threads/${scenarioThreadIds()[2] ?? ''}/runs?limit=abc`,
    );

    const firstAnswers = await fetchAll(first.url, paths);
    const secondAnswers = await fetchAll(second.url, paths);
    expect(secondAnswers).toEqual(firstAnswers);
    // The comparison only means something if the answers carry generated runs.
    expect(firstAnswers.filter((answer) => answer.includes('"run_id"')).length).toBeGreaterThan(20);

    const allStatuses = `/threads/${scenarioThreadIds()[2] ?? ''}/runs`;
    const [withSeed11 = ''] = await fetchAll(first.url, [allStatuses]);
    const [withSeed12 = ''] = await fetchAll(other.url, [allStatuses]);
    expect(withSeed12).toMatch(/ 200 \[\{/);
    expect(withSeed12).not.toBe(withSeed11);
  });

  it('exits 1 with a message saying so when the port is already in use', async () => {
    const blocker = createServer();
    ownServers.add(blocker);
    const port = await listenOnFreePort(blocker);
    const cli = startCli(['--port', String(port)]);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toMatch(new RegExp(`port ${port}\\b.*\\bin use`));
  });
});
