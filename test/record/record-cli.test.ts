import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../src/fixtures/parse-fixtures.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { startBrokenServer } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { runCli } from '../helpers/spawn-cli.js';
import { closedPort } from '../helpers/listen-on-free-port.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-record-cli-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function startMock(options: Parameters<typeof createMockServer>[0] = {}): Promise<MockServer> {
  const mock = await createMockServer(options);
  cleanups.push(() => mock.close());
  return mock;
}

const allStatuses = scenarioThreadId('all-statuses');
const busy = scenarioThreadId('busy');

describe('langgraph-mock record', () => {
  it('sends --api-key to the target and never writes it; --redact hides values, keeping their JSON type', async () => {
    const key = 'sk-do-not-write-this-anywhere';
    const mock = await startMock({ apiKey: key, seed: 4 });
    const output = join(directory, 'redacted.json');
    const { code, stderr, stdout } = await runCli([
      'record',
      '--target',
      mock.url,
      '--thread-id',
      allStatuses,
      '--thread-id',
      busy,
      '--output',
      output,
      '--api-key',
      key,
      '--redact',
      'kwargs.config',
      '--redact',
      'kwargs.stream_mode',
      '--redact',
      'metadata.created_by',
      '--redact',
      'kwargs.temporary',
    ]);
    expect(code).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text).not.toContain(key);
    expect(stdout + stderr).not.toContain(key);
    expect(stderr).toContain(`thread ${allStatuses}: 40 runs (1 page)\nthread ${busy}: 22 runs (1 page)\n`);
    const runs = loadFixtures(output).threads.flatMap((thread) => thread.runs);
    expect(runs).toHaveLength(62);
    for (const run of runs) {
      const kwargs = run.kwargs as Record<string, unknown>;
      expect(kwargs['config']).toEqual({});
      expect(kwargs['stream_mode']).toEqual([]);
      expect(kwargs['temporary']).toBe(false);
      expect((run.metadata as Record<string, unknown>)['created_by']).toBe('[redacted]');
    }
    // What was not redacted is kept as the server gave it.
    const original = mock.store.listRuns({ threadId: busy, limit: 1, offset: 0 })[0];
    const recorded = runs.find((run) => run.run_id === original?.run_id);
    expect(recorded?.created_at).toBe(original?.created_at);
    expect((recorded?.kwargs as Record<string, unknown>)['command']).toEqual(
      (original?.kwargs as Record<string, unknown>)['command'],
    );
  });

  it('exits 1 and writes nothing when a thread is unknown to the target', async () => {
    const mock = await startMock();
    const output = join(directory, 'unknown.json');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    const { code, stderr } = await runCli([
      'record',
      '--target',
      mock.url,
      '--thread-id',
      unknown,
      '--output',
      output,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`thread ${unknown}: the target answered 404: .*not found.*; nothing written`),
    );
    expect(() => readFileSync(output)).toThrow();
  });

  it('records the runs of a server that breaks the contract as they came, naming each violation', async () => {
    const broken = await startBrokenServer('non-rfc3339-timestamp');
    cleanups.push(() => broken.close());
    const output = join(directory, 'broken.json');
    const { code, stderr } = await runCli([
      'record',
      '--target',
      broken.url,
      '--thread-id',
      busy,
      '--output',
      output,
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^violation: GET \/threads\/\S+\/runs\?limit=100&offset=0: body-schema: \/0\/created_at must match format/m,
    );
    expect(stderr).toMatch(
      /22 contract violations \(first 20 shown; recorded as they came: serve the file with --lenient\)/,
    );
    const file = JSON.parse(readFileSync(output, 'utf8')) as {
      threads: { runs: { created_at: string }[] }[];
    };
    expect(file.threads[0]?.runs[0]?.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('stops paging a server that ignores offset instead of looping forever', async () => {
    const broken = await startBrokenServer('ignores-offset');
    cleanups.push(() => broken.close());
    const long = scenarioThreadId('long');
    const output = join(directory, 'ignores-offset.json');
    const { code, stderr } = await runCli([
      'record',
      '--target',
      broken.url,
      '--thread-id',
      long,
      '--output',
      output,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(`thread ${long}: 100 runs (2 pages)`);
  });

  it.each([
    [
      'a target that is not a URL',
      ['--target', 'example.com'],
      /--target must be an http:\/\/ or https:\/\/ URL/,
    ],
    [
      'a target nobody listens on',
      'closed-port',
      /^langgraph-mock record: target http:\/\/127\.0\.0\.1:\d+ is unreachable/,
    ],
  ] as const)('refuses %s with one line and exit 2', async (_name, target, message) => {
    const args = target === 'closed-port' ? ['--target', `http://127.0.0.1:${await closedPort()}`] : target;
    const output = join(directory, 'never.json');
    const { code, stderr } = await runCli(['record', ...args, '--thread-id', busy, '--output', output]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a thread id that is not a UUID and a redact path the replay needs, as usage errors', async () => {
    const common = ['record', '--target', 'http://127.0.0.1:1', '--output', join(directory, 'x.json')];
    const badThread = await runCli([...common, '--thread-id', 'thread-1']);
    expect(badThread.code).toBe(2);
    expect(badThread.stderr).toMatch(/--thread-id must be a UUID, got 'thread-1'/);
    const badRedact = await runCli([...common, '--thread-id', busy, '--redact', 'created_at']);
    expect(badRedact.code).toBe(2);
    expect(badRedact.stderr).toMatch(/--redact cannot hide created_at/);
  });
});
