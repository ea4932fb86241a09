import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Run } from '../../src/store/run.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003'; // 40 seeded runs, none running
const BUSY = '00000000-0000-4000-8000-000000000004'; // has a running run
const EMPTY = '00000000-0000-4000-8000-000000000001';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

let server: TestServer;
beforeAll(async () => {
  server = await startMockServer({ threads: 2 });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await server.request('/__mock/reset', { method: 'POST' })).status).toBe(200);
});

function post(path: string, body: unknown): ReturnType<TestServer['request']> {
  return server.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function list(threadId: string, query = 'limit=1000'): Promise<Run[]> {
  const response = await server.request(`/threads/${threadId}/runs?${query}`);
  expect(response.status).toBe(200);
  return response.body as Run[];
}

function detailOf(response: { body: unknown }): string {
  return (response.body as { detail: string }).detail;
}

/** `{"a": {"a": … {}}}` as JSON text, `levels` objects deep (built as text: too deep for JSON.stringify). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;
}

describe('hostile writes to the control API', () => {
  it('refuses kwargs nested 4,100 levels deep with a 422 naming the field, and stores nothing', async () => {
    const response = await server.request(`/__mock/threads/${ALL_STATUSES}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"kwargs":${nestedJson(4100)}}`,
    });
    expect(response.status).toBe(422);
    expect(detailOf(response)).toMatch(/^runs\[0\]\.kwargs: nests deeper than 64 levels/);
    expect(await list(ALL_STATUSES)).toHaveLength(40);
  });

  it('takes metadata nested exactly 64 levels and serves it back', async () => {
    const response = await server.request(`/__mock/threads/${EMPTY}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"metadata":${nestedJson(64)}}`,
    });
    expect(response.status).toBe(201);
    const [stored] = await list(EMPTY);
    expect(stored?.metadata).toEqual(JSON.parse(nestedJson(64)));
  });

  it('refuses a leap second with a 422 that says so, and paging stays intact', async () => {
    const response = await post(`/__mock/threads/${ALL_STATUSES}/runs`, {
      created_at: '2016-12-31T23:59:60+00:00',
    });
    expect(response.status).toBe(422);
    expect(detailOf(response)).toBe(
      'runs[0].created_at: is a leap second (:60), which the server cannot store',
    );
    const ids = (await list(ALL_STATUSES, 'limit=40')).map((run) => run.run_id);
    const paged = [...(await list(ALL_STATUSES, 'limit=38')), ...(await list(ALL_STATUSES, 'offset=38'))];
    expect(paged.map((run) => run.run_id)).toEqual(ids);
  });

  it.each([
    ['year 0000', '0000-06-01T12:00:00+00:00', /year from 0001 to 9999/],
    ['no offset', '2026-06-01T12:00:00', /must match format "date-time"/],
  ])('refuses a created_at in %s', async (_name, createdAt, detail) => {
    const response = await post(`/__mock/threads/${EMPTY}/runs`, { created_at: createdAt });
    expect(response.status).toBe(422);
    expect(detailOf(response)).toMatch(detail);
  });

  it("stores what it accepts in the server's format: UTC microseconds, +00:00, lower-case UUIDs", async () => {
    const runId = '0197ABCD-0000-7000-8000-00000000AAAA';
    const response = await post(`/__mock/threads/${EMPTY.toUpperCase()}/runs`, {
      run_id: runId,
      created_at: '2026-06-01T14:00:00.5+02:00',
      assistant_id: 'FE096781-5601-53D2-B2F6-0D3403F7E9CA',
    });
    expect(response.status).toBe(201);
    const expected = {
      run_id: runId.toLowerCase(),
      thread_id: EMPTY,
      assistant_id: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca',
      created_at: '2026-06-01T12:00:00.500000+00:00',
      updated_at: '2026-06-01T12:00:00.500000+00:00',
    };
    expect(response.body).toMatchObject(expected);
    expect((await list(EMPTY))[0]).toMatchObject(expected);
    expect((await server.request(`/__mock/threads/${EMPTY}/runs/${runId}`)).body).toMatchObject(expected);
  });

  it('refuses a run id that another thread already has, naming that thread', async () => {
    const [seeded] = await list(ALL_STATUSES, 'limit=1');
    const response = await post(`/__mock/threads/${EMPTY}/runs`, { run_id: seeded?.run_id });
    expect(response.status).toBe(409);
    expect(detailOf(response)).toBe(
      `Run with ID ${seeded?.run_id ?? ''} already exists in thread ${ALL_STATUSES}`,
    );
    const written = (await post(`/__mock/threads/${EMPTY}/runs`, {})).body as Run;
    const again = await post(`/__mock/threads/${ALL_STATUSES}/runs`, {
      run_id: written.run_id.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(detailOf(again)).toContain(`already exists in thread ${EMPTY}`);
  });

  it('stores a batch whole or not at all: a clash in its last run leaves no trace of the others', async () => {
    const [seeded] = await list(ALL_STATUSES, 'limit=1');
    const response = await post(`/__mock/threads/${EMPTY}/runs`, [
      { status: 'success' },
      { status: 'error' },
      { run_id: seeded?.run_id },
    ]);
    expect(response.status).toBe(409);
    expect(await list(EMPTY)).toEqual([]);
  });

  it('names only stored runs in a 409: two running runs in one batch are named by position', async () => {
    const response = await post(`/__mock/threads/${EMPTY}/runs`, [
      { status: 'running' },
      { status: 'running' },
    ]);
    expect(response.status).toBe(409);
    expect(detailOf(response)).toBe('runs[0] and runs[1] are both running: a thread runs one run at a time');
    const busy = await post(`/__mock/threads/${BUSY}/runs`, [{ status: 'success' }, { status: 'running' }]);
    expect(busy.status).toBe(409);
    const named = detailOf(busy).match(UUID) ?? [];
    expect(named.length).toBeGreaterThan(0);
    for (const id of named.filter((id) => id !== BUSY)) {
      expect((await server.request(`/__mock/threads/${BUSY}/runs/${id}`)).status, id).toBe(200);
    }
  });

  it('refuses a batch of more than 10,000 runs whole, saying so', async () => {
    const response = await post(
      `/__mock/threads/${EMPTY}/runs`,
      Array.from({ length: 10_001 }, () => ({})),
    );
    expect(response.status).toBe(422);
    expect(detailOf(response)).toBe(
      'A batch holds at most 10000 runs; this one has 10001. Send it in parts.',
    );
    expect(await list(EMPTY)).toEqual([]);
  });

  it('stamps a batch in the order given, each run at least 1 µs after the one before', async () => {
    const response = await post(`/__mock/threads/${EMPTY}/runs`, [
      { status: 'error' },
      { status: 'pending' },
      ...Array.from({ length: 50 }, () => ({ status: 'success' })),
    ]);
    expect(response.status).toBe(201);
    const batch = response.body as Run[];
    const micros = batch.map((run) => {
      const [seconds = '', fraction = ''] = run.created_at.slice(0, 26).split('.');
      return Date.parse(`${seconds}Z`) * 1000 + Number(fraction);
    });
    for (let i = 1; i < micros.length; i++) expect(micros[i]).toBeGreaterThan(micros[i - 1] ?? 0);
    expect((await list(EMPTY)).map((run) => run.run_id)).toEqual(batch.map((run) => run.run_id).reverse());
  });
});

describe('creating threads', () => {
  it('never answers 409 to a thread without an id, though the id it would draw was created explicitly', async () => {
    const drawn: string[] = [];
    for (let i = 0; i < 3; i++)
      drawn.push(((await post('/__mock/threads', {})).body as { thread_id: string }).thread_id);
    await server.request('/__mock/reset', { method: 'POST' });
    // The server draws the same ids again after a reset; take the second one first.
    expect((await post('/__mock/threads', { thread_id: drawn[1] })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const created = await post('/__mock/threads', {});
      expect(created.status).toBe(201);
      expect((created.body as { thread_id: string }).thread_id).not.toBe(drawn[1]);
    }
  });
});

describe('runs dated at the edges of the calendar', () => {
  it.each([
    ['the last microsecond of year 9999', '9999-12-31T23:59:59.999999Z'],
    ['the first instant of year 1', '0001-01-01T00:00:00Z'],
    ['year 2300, past exact microseconds', '2300-06-01T12:00:00.000001+00:00'],
  ])('are stored, listed in order, changed and deleted: %s', async (_name, createdAt) => {
    const created = await post(`/__mock/threads/${ALL_STATUSES}/runs`, { created_at: createdAt });
    expect(created.status).toBe(201);
    const run = created.body as Run;
    const listed = await list(ALL_STATUSES); // checked against the contract on the way
    expect(listed).toHaveLength(41);
    expect(listed.map((other) => other.created_at)).toEqual(
      listed
        .map((other) => other.created_at)
        .sort()
        .reverse(),
    );
    const changed = await server.request(`/__mock/threads/${ALL_STATUSES}/runs/${run.run_id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'success' }),
    });
    expect(changed.status).toBe(200);
    expect((changed.body as Run).updated_at >= run.updated_at).toBe(true);
    expect((await list(ALL_STATUSES)).find((other) => other.run_id === run.run_id)?.status).toBe('success');
    const deleted = await server.request(`/__mock/threads/${ALL_STATUSES}/runs/${run.run_id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
  });
});
