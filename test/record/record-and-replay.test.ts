import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCommand } from '../../src/cli/record-command.js';
import { createFixtureStore } from '../../src/fixtures/create-fixture-store.js';
import { loadFixtures } from '../../src/fixtures/parse-fixtures.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { scenarioThreadId, shippedDataset } from '../helpers/scenario-thread-id.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-record-'));
const recording = join(directory, 'scenarios.json');
const scenarios = shippedDataset().scenarios;

let original: MockServer;
let replay: MockServer;
const progress: string[] = [];

beforeAll(async () => {
  original = await createMockServer({ seed: 11 });
  const code = await recordCommand(
    {
      target: original.url,
      threadIds: scenarios.map((scenario) => scenario.threadId),
      output: recording,
      apiKey: undefined,
      timeoutMs: 10_000,
      redact: [],
    },
    { out: () => undefined, err: (text) => progress.push(text) },
  );
  if (code !== 0) throw new Error(`record failed: ${progress.join('')}`);
  replay = await createMockServer({ store: createFixtureStore(loadFixtures(recording)) });
});

afterAll(async () => {
  await Promise.all([original.close(), replay.close()]);
  rmSync(directory, { recursive: true, force: true });
});

/** Every query the comparison makes: pages, filters, selects and errors over the five scenario threads. */
function comparedQueries(): string[] {
  const { statusFilterValues } = getListRunsContract();
  const queries: string[] = [];
  for (const { threadId } of scenarios) {
    queries.push(`/threads/${threadId}/runs`, `/threads/${threadId}/runs?limit=3&offset=1`);
  }
  const allStatuses = scenarioThreadId('all-statuses');
  const long = scenarioThreadId('long');
  const busy = scenarioThreadId('busy');
  for (const status of statusFilterValues) {
    queries.push(
      `/threads/${allStatuses}/runs?status=${status}`,
      `/threads/${long}/runs?status=${status}&offset=40&limit=7`,
      `/threads/${busy}/runs?status=${status}&select=run_id&select=updated_at`,
    );
  }
  queries.push(
    `/threads/${long}/runs?limit=100&offset=9950`,
    `/threads/${long}/runs?limit=1000&offset=5000`,
    `/threads/${long}/runs?offset=10000`,
    `/threads/${allStatuses}/runs?limit=0`,
    `/threads/${allStatuses}/runs?select=run_id&select=status`,
    `/threads/${allStatuses}/runs?select=kwargs&select=created_at&limit=4&offset=30`,
    `/threads/${busy}/runs?select=metadata&status=pending`,
    `/threads/${long}/runs?select=run_id&limit=50&offset=777`,
    `/threads/${scenarioThreadId('single-run')}/runs?select=assistant_id&select=multitask_strategy`,
    `/threads/${allStatuses.toUpperCase()}/runs?limit=2`,
    `/threads/${scenarioThreadId('empty')}/runs?status=success`,
    // errors: 422 for bad parameters, 404 for a thread nobody recorded
    `/threads/${allStatuses}/runs?limit=abc`,
    `/threads/${allStatuses}/runs?offset=-1`,
    `/threads/${allStatuses}/runs?status=running`,
    `/threads/${allStatuses}/runs?select=nonsense`,
    `/threads/not-a-uuid/runs`,
    `/threads/00000000-0000-4000-8000-0000000000ff/runs`,
    `/threads/${busy}/runs?limit=100001`,
  );
  return queries;
}

describe('record, then serve --fixtures', () => {
  it('prints one progress line per thread, paging 100 runs at a time', () => {
    const lines = progress.join('').split('\n');
    for (const { threadId } of scenarios) {
      expect(lines.filter((line) => line.startsWith(`thread ${threadId}:`))).toHaveLength(1);
    }
    expect(lines).toContain(`thread ${scenarioThreadId('long')}: 10000 runs (101 pages)`);
  });

  it('answers at least 40 queries with the bodies and statuses of the recorded server, byte for byte', async () => {
    const queries = comparedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const statuses = new Set<number>();
    for (const query of queries) {
      const [expected, replayed] = await Promise.all([
        fetch(original.url + query),
        fetch(replay.url + query),
      ]);
      const [expectedBody, replayedBody] = await Promise.all([expected.text(), replayed.text()]);
      expect({ query, status: replayed.status, body: replayedBody }).toEqual({
        query,
        status: expected.status,
        body: expectedBody,
      });
      statuses.add(expected.status);
    }
    expect([...statuses].sort()).toEqual([200, 404, 422]);
  });

  it('writes a file that strict loading accepts, with every run of every thread', () => {
    const file = loadFixtures(recording);
    expect(file.threads.map((thread) => [thread.thread_id, thread.runs.length])).toEqual(
      scenarios.map((scenario) => [scenario.threadId, original.store.countRuns(scenario.threadId)]),
    );
    expect(readFileSync(recording, 'utf8').endsWith('\n')).toBe(true);
  });
});
