import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import type { Run } from '../../src/store/run.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';
const EMPTY = '00000000-0000-4000-8000-000000000001';
const NEW_THREAD = '0badc0de-0000-4000-8000-000000000001';

let server: TestServer;
beforeAll(async () => {
  server = await startMockServer({ threads: 2 });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await server.request('/__mock/reset', { method: 'POST' })).status).toBe(200);
});

function send(path: string, method: string, body?: unknown): ReturnType<TestServer['request']> {
  return server.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function list(threadId: string, query = 'limit=1000'): Promise<Run[]> {
  const response = await server.request(`/threads/${threadId}/runs?${query}`);
  expect(response.status).toBe(200);
  return response.body as Run[];
}

describe('the control API', () => {
  it('lists threads with their scenario, run count and counts per status', async () => {
    const response = await server.request('/__mock/threads');
    expect(response.status).toBe(200);
    const threads = response.body as { thread_id: string; scenario: string | null; run_count: number }[];
    expect(threads).toHaveLength(7);
    const allStatuses = threads.find((thread) => thread.thread_id === ALL_STATUSES);
    expect(allStatuses).toMatchObject({ scenario: 'all-statuses', run_count: 40 });
    const counts = (allStatuses as unknown as { status_counts: Record<string, number> }).status_counts;
    expect(Object.keys(counts)).toEqual(getListRunsContract().runStatuses);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(40);
  });

  it('creates a thread with a given id, answers 409 when it exists, and lists it empty', async () => {
    const created = await send('/__mock/threads', 'POST', { thread_id: NEW_THREAD });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ thread_id: NEW_THREAD, run_count: 0, scenario: null });
    expect((await send('/__mock/threads', 'POST', { thread_id: NEW_THREAD })).status).toBe(409);
    expect(await list(NEW_THREAD)).toEqual([]);
  });

  it('creates a thread with a new id when none is given', async () => {
    const created = await send('/__mock/threads', 'POST', {});
    expect(created.status).toBe(201);
    const { thread_id: id } = created.body as { thread_id: string };
    expect(await list(id)).toEqual([]);
  });

  it.each([
    ['a non-UUID thread id', { thread_id: 'nope' }, 'thread_id: must be a UUID'],
    ['an array body', [], 'Body must be a JSON object'],
  ])('rejects %s with 422', async (_name, body, detail) => {
    const response = await send('/__mock/threads', 'POST', body);
    expect(response.status).toBe(422);
    expect((response.body as { detail: string }).detail).toContain(detail);
  });

  it('answers malformed JSON with 400 and a detail', async () => {
    const response = await server.request('/__mock/threads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"thread_id":',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ detail: 'Request body is not valid JSON' });
  });

  it('appends a run from partial JSON, generating the rest, and lists it first', async () => {
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', {
      status: 'error',
      metadata: { user_id: 'ada' },
    });
    expect(response.status).toBe(201);
    const run = response.body as Run;
    expect(run).toMatchObject({ status: 'error', thread_id: ALL_STATUSES, metadata: { user_id: 'ada' } });
    expect(Object.keys(run)).toEqual(getListRunsContract().runFields);
    const [newest] = await list(ALL_STATUSES, 'limit=1');
    expect(newest).toEqual(run);
    expect((await list(ALL_STATUSES, 'status=error&limit=1'))[0]).toEqual(run);
  });

  it('places a run with an older created_at in order, with a run id that embeds that time', async () => {
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', [
      { created_at: '2026-06-01T10:00:00.000001+00:00', status: 'timeout' },
    ]);
    expect(response.status).toBe(201);
    const [run] = response.body as Run[];
    const after = await list(ALL_STATUSES);
    expect(after).toHaveLength(41);
    const at = after.findIndex((other) => other.run_id === run?.run_id);
    expect(after.slice(0, at).every((other) => other.created_at > (run?.created_at ?? ''))).toBe(true);
    expect(after.slice(at + 1).every((other) => other.created_at < (run?.created_at ?? ''))).toBe(true);
    const embeddedMillis = Number.parseInt(run?.run_id.replace('-', '').slice(0, 12) ?? '', 16);
    expect(embeddedMillis).toBe(Date.parse('2026-06-01T10:00:00Z'));
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'runs[0].colour: is not a field of a Run'],
    [
      'a status outside the Run schema',
      { status: 'done' },
      'runs[0].status: must be equal to one of the allowed values',
    ],
    ['a malformed run id', { run_id: 'x' }, 'runs[0].run_id: must match format "uuid"'],
    [
      'a timestamp that is not RFC 3339',
      { created_at: 'yesterday' },
      'runs[0].created_at: must match format "date-time"',
    ],
    [
      'updated_at before created_at',
      { created_at: '2026-06-01T10:00:00+00:00', updated_at: '2026-06-01T09:00:00+00:00' },
      'runs[0].updated_at: must not be before created_at',
    ],
    ['a non-object run', 'run', 'runs[0]: a run must be a JSON object'],
  ])('rejects %s with a precise 422 and changes nothing', async (_name, partial, detail) => {
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', partial);
    expect(response.status).toBe(422);
    expect((response.body as { detail: string }).detail).toContain(detail);
    expect(await list(ALL_STATUSES)).toHaveLength(40);
  });

  it('rejects a batch as a whole when one run is bad', async () => {
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', [
      { status: 'success' },
      { status: 'bogus' },
    ]);
    expect(response.status).toBe(422);
    expect((response.body as { detail: string }).detail).toMatch(/^runs\[1\]\.status/);
    expect(await list(ALL_STATUSES)).toHaveLength(40);
  });

  it('answers 409 for a second running run and for a run id already present', async () => {
    const busy = '00000000-0000-4000-8000-000000000004';
    expect((await send(`/__mock/threads/${busy}/runs`, 'POST', { status: 'running' })).status).toBe(409);
    const [existing] = await list(ALL_STATUSES, 'limit=1');
    expect(
      (await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', { run_id: existing?.run_id })).status,
    ).toBe(409);
  });

  it("changes a run's status, moves its updated_at forward, and keeps its place", async () => {
    const before = await list(ALL_STATUSES);
    const target = before[12] as Run;
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs/${target.run_id}`, 'PATCH', {
      status: 'interrupted',
    });
    expect(response.status).toBe(200);
    const changed = response.body as Run;
    expect(changed).toMatchObject({
      run_id: target.run_id,
      created_at: target.created_at,
      status: 'interrupted',
    });
    expect(changed.updated_at > target.updated_at).toBe(true);
    const after = await list(ALL_STATUSES);
    expect(after[12]).toEqual(changed);
    expect(after.filter((run) => run.status === 'interrupted')).toContainEqual(changed);
  });

  it('rejects a status change to a value outside the Run schema', async () => {
    const [run] = await list(ALL_STATUSES, 'limit=1');
    const response = await send(`/__mock/threads/${ALL_STATUSES}/runs/${run?.run_id ?? ''}`, 'PATCH', {
      status: 'done',
    });
    expect(response.status).toBe(422);
  });

  it('deletes a run and then a thread; List Runs reflects both at once', async () => {
    const [first, second] = await list(ALL_STATUSES, 'limit=2');
    expect((await send(`/__mock/threads/${ALL_STATUSES}/runs/${first?.run_id ?? ''}`, 'DELETE')).status).toBe(
      204,
    );
    expect((await list(ALL_STATUSES, 'limit=1'))[0]).toEqual(second);
    expect((await send(`/__mock/threads/${ALL_STATUSES}/runs/${first?.run_id ?? ''}`, 'DELETE')).status).toBe(
      404,
    );
    expect((await send(`/__mock/threads/${ALL_STATUSES}`, 'DELETE')).status).toBe(204);
    expect((await server.request(`/threads/${ALL_STATUSES}/runs`)).status).toBe(404);
  });

  it('resets to the seeded state', async () => {
    const seeded = await list(ALL_STATUSES);
    await send(`/__mock/threads/${ALL_STATUSES}/runs`, 'POST', {});
    await send(`/__mock/threads/${EMPTY}`, 'DELETE');
    await send('/__mock/reset', 'POST');
    expect(await list(ALL_STATUSES)).toEqual(seeded);
    expect(await list(EMPTY)).toEqual([]);
  });

  it('answers a malformed percent-escape in a path parameter with 400 and a detail', async () => {
    for (const path of [
      '/__mock/threads/%ZZ',
      `/__mock/threads/%C3%28/runs`,
      `/__mock/threads/${ALL_STATUSES}/runs/%`,
    ]) {
      const response = await server.request(path);
      expect(response.status, path).toBe(400);
      expect(response.body).toEqual({ detail: 'Malformed percent-encoding in the URL' });
    }
  });

  it('answers 404 for a run or thread that does not exist', async () => {
    expect((await server.request(`/__mock/threads/${NEW_THREAD}`)).status).toBe(404);
    expect(
      (await server.request(`/__mock/threads/${ALL_STATUSES}/runs/0190ffff-0000-7000-8000-000000000000`))
        .status,
    ).toBe(404);
  });
});
