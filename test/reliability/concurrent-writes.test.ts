import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import type { Run } from '../../src/store/run.js';

const THREAD = '00000000-0000-4000-8000-000000000005'; // the long thread: writes merge into 10,000 seeded runs
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0 });
});
afterAll(() => server.close());

// The body's type is the caller's claim about the endpoint; the assertions below check it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as T };
}

describe('concurrent writers and readers', () => {
  it('lose no write, and leave every page and filter consistent with a full scan', async () => {
    const seeded = (await json<Run[]>(`/threads/${THREAD}/runs?limit=100000`)).body;
    const victims = [seeded[3], seeded[500], seeded[9999]].filter((run): run is Run => run !== undefined);
    const writers = Array.from({ length: 60 }, (_, i) =>
      json<Run>(`/__mock/threads/${THREAD}/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: i % 3 === 0 ? 'error' : 'success', metadata: { writer: i } }),
      }),
    );
    const changes = victims.map((run) =>
      json<Run>(`/__mock/threads/${THREAD}/runs/${run.run_id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'interrupted' }),
      }),
    );
    const deletes = [seeded[10], seeded[20]].map((run) =>
      fetch(`${server.url}/__mock/threads/${THREAD}/runs/${run?.run_id ?? ''}`, { method: 'DELETE' }),
    );
    const readers = Array.from({ length: 60 }, (_, i) =>
      json<Run[]>(`/threads/${THREAD}/runs?offset=${i * 7}&limit=5`),
    );
    const [written, changed, deleted, read] = await Promise.all([
      Promise.all(writers),
      Promise.all(changes),
      Promise.all(deletes),
      Promise.all(readers),
    ]);
    expect(written.map((answer) => answer.status)).toEqual(Array.from({ length: 60 }, () => 201));
    expect(changed.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(deleted.map((answer) => answer.status)).toEqual([204, 204]);
    expect(read.every((answer) => answer.status === 200 && answer.body.length === 5)).toBe(true);

    const full = (await json<Run[]>(`/threads/${THREAD}/runs?limit=100000`)).body;
    expect(full).toHaveLength(10_000 + 60 - 2);
    const writerIds = new Set(written.map((answer) => answer.body.run_id));
    expect(full.filter((run) => writerIds.has(run.run_id))).toHaveLength(60);
    for (const run of changed) expect(full).toContainEqual(run.body);
    for (let i = 1; i < full.length; i++) {
      const [newer, older] = [full[i - 1] as Run, full[i] as Run];
      expect(
        newer.created_at > older.created_at ||
          (newer.created_at === older.created_at && newer.run_id > older.run_id),
      ).toBe(true);
    }
    for (const status of getListRunsContract().statusFilterValues) {
      const filtered = (await json<Run[]>(`/threads/${THREAD}/runs?status=${status}&limit=100000`)).body;
      expect(filtered).toEqual(full.filter((run) => run.status === status));
      const page = (await json<Run[]>(`/threads/${THREAD}/runs?status=${status}&offset=7&limit=9`)).body;
      expect(page).toEqual(filtered.slice(7, 16));
    }
    const summary = (await json<{ run_count: number }>(`/__mock/threads/${THREAD}`)).body;
    expect(summary.run_count).toBe(full.length);
  });
});
