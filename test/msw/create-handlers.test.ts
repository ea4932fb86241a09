import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createMockServer, type MockServerOptions } from '../../src/http/create-mock-server.js';
import { createHandlers } from '../../src/msw/create-handlers.js';

const ALL = '00000000-0000-4000-8000-000000000003';
const RUNS = `/threads/${ALL}/runs`;
const MADE = '0000beef-0000-4000-8000-000000000001';
const RUN = '0000beef-0000-4000-8000-0000000000aa';
const JSON_TYPE = { 'content-type': 'application/json' };
const ORIGIN = { origin: 'http://localhost:5173' };
const FIXED_NOW = Date.UTC(2026, 0, 2, 3, 4, 5) * 1000;

/** One request of the table: a name, the target, and how it is sent. */
type Row = readonly [name: string, path: string, init?: RequestInit];

const post = (body: string, headers: Record<string, string> = JSON_TYPE): RequestInit => ({
  method: 'POST',
  headers,
  body,
});

// Run in order: the control writes change what later reads see, on both sides alike.
const TABLE: readonly Row[] = [
  ['the default page', RUNS],
  ['limit', `${RUNS}?limit=5`],
  ['limit and offset', `${RUNS}?limit=5&offset=5`],
  ['a status filter', `${RUNS}?status=error`],
  ['status, limit and offset', `${RUNS}?status=success&limit=3&offset=1`],
  ['select, repeated', `${RUNS}?select=run_id&select=status`],
  [
    'every parameter',
    `${RUNS}?limit=2&offset=1&status=pending&select=run_id&select=created_at&select=metadata`,
  ],
  ['a trailing slash', `${RUNS}/?limit=1`],
  ['an upper-case thread id', `/threads/${ALL.toUpperCase()}/runs?limit=1`],
  ['another origin', `${RUNS}?limit=2`, { headers: ORIGIN }],
  ['HEAD', RUNS, { method: 'HEAD' }],
  ['a plain OPTIONS', RUNS, { method: 'OPTIONS' }],
  [
    'a preflight',
    RUNS,
    { method: 'OPTIONS', headers: { ...ORIGIN, 'access-control-request-method': 'GET' } },
  ],
  ['limit=0', `${RUNS}?limit=0`],
  ['a limit that is not a number', `${RUNS}?limit=abc`],
  ['a negative offset', `${RUNS}?offset=-1`],
  ['an unknown status', `${RUNS}?status=bogus`],
  ['an unknown select field', `${RUNS}?select=nope`],
  ['a thread id that is not a UUID', '/threads/x/runs'],
  ['an unknown thread', '/threads/00000000-0000-4000-8000-0000000000ff/runs'],
  ['POST on List Runs', RUNS, { method: 'POST' }],
  ['an unknown path', '/nowhere'],
  ['an over-long URL', `${RUNS}?x=${'a'.repeat(9000)}`],
  ['Prefer: code=404', RUNS, { headers: { prefer: 'code=404' } }],
  ['Prefer: code=422', RUNS, { headers: { prefer: 'code=422' } }],
  ['Prefer: code=500', RUNS, { headers: { prefer: 'code=500' } }],
  ['Prefer: code=418', RUNS, { headers: { prefer: 'code=418' } }],
  ['Prefer: delay=5', `${RUNS}?limit=1`, { headers: { prefer: 'delay=5' } }],
  ['the thread list', '/__mock/threads'],
  ['a new thread with a random id', '/__mock/threads', post('{}')],
  ['a new thread with a given id', '/__mock/threads', post(`{"thread_id":"${MADE}"}`)],
  ['the same id again', '/__mock/threads', post(`{"thread_id":"${MADE}"}`)],
  [
    'a batch of runs',
    `/__mock/threads/${MADE}/runs`,
    post(
      `[{"status":"error"},{"run_id":"${RUN}","status":"pending","created_at":"2026-01-01T00:00:00+00:00"}]`,
    ),
  ],
  ['the new thread listed', `/threads/${MADE}/runs`],
  ['the new thread summarised', `/__mock/threads/${MADE}`],
  [
    'a status change',
    `/__mock/threads/${MADE}/runs/${RUN}`,
    { method: 'PATCH', headers: JSON_TYPE, body: '{"status":"success"}' },
  ],
  ['the changed run', `/__mock/threads/${MADE}/runs/${RUN}`],
  [
    'a status outside the spec',
    `/__mock/threads/${MADE}/runs/${RUN}`,
    { method: 'PATCH', headers: JSON_TYPE, body: '{"status":"done"}' },
  ],
  ['a body that is not JSON', `/__mock/threads/${MADE}/runs`, post('{"status":')],
  ['a body sent as text/plain', `/__mock/threads/${MADE}/runs`, post('{}', { 'content-type': 'text/plain' })],
  ['an unknown run field', `/__mock/threads/${MADE}/runs`, post('{"colour":"red"}')],
  ['PUT on a control path', `/__mock/threads/${MADE}`, { method: 'PUT' }],
  ['a run deleted', `/__mock/threads/${MADE}/runs/${RUN}`, { method: 'DELETE' }],
  ['the thread after the delete', `/threads/${MADE}/runs?select=status`],
  ['a thread deleted', `/__mock/threads/${MADE}`, { method: 'DELETE' }],
  ['the deleted thread', `/__mock/threads/${MADE}`],
  ['a reset', '/__mock/reset', { method: 'POST' }],
  ['the default page after the reset', RUNS],
];

/** What both doors must agree on. */
interface Answer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

async function answers(baseUrl: string, rows: readonly Row[]): Promise<Answer[]> {
  const result: Answer[] = [];
  for (const [, path, init] of rows) {
    const response = await fetch(`${baseUrl}${path}`, init);
    result.push({
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.text(),
    });
  }
  return result;
}

/** The table's answers from a real server, then from MSW handlers built with the same options. */
async function bothDoors(
  rows: readonly Row[],
  options: MockServerOptions,
): Promise<{ server: Answer[]; msw: Answer[] }> {
  const mock = await createMockServer({ ...options, host: '127.0.0.1', port: 0 });
  let server: Answer[];
  try {
    server = await answers(mock.url, rows);
  } finally {
    await mock.close();
  }
  const baseUrl = 'http://mock.test';
  const worker = setupServer(...createHandlers({ ...options, baseUrl }));
  worker.listen({ onUnhandledRequest: 'error' });
  try {
    return { server, msw: await answers(baseUrl, rows) };
  } finally {
    worker.close();
  }
}

describe('createHandlers', () => {
  it(`answers a table of ${TABLE.length} requests exactly as the server does: status, content type, body`, async () => {
    const { server, msw } = await bothDoors(TABLE, { seed: 9, threads: 2, clock: () => FIXED_NOW });
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    TABLE.forEach(([name], i) => {
      expect(msw[i], name).toEqual(server[i]);
    });
    // The table reaches every kind of answer, not only 200s.
    const statuses = new Set(server.map((answer) => answer.status));
    for (const status of [200, 201, 204, 400, 404, 405, 409, 414, 415, 422, 500]) {
      expect(statuses, String(status)).toContain(status);
    }
  });

  it('requires the API key it was given, like the server', async () => {
    const rows: readonly Row[] = [
      ['no key', RUNS],
      ['a wrong key', RUNS, { headers: { 'x-api-key': 'nope' } }],
      ['the key', `${RUNS}?limit=2`, { headers: { 'x-api-key': 's3cret' } }],
      ['a control read with the key', '/__mock/threads', { headers: { 'x-api-key': 's3cret' } }],
    ];
    const { server, msw } = await bothDoors(rows, { apiKey: 's3cret', threads: 0 });
    expect(msw).toEqual(server);
    expect(server.map((answer) => answer.status)).toEqual([403, 403, 200, 200]);
  });

  it('answers under the default base URL, the CLI default address', async () => {
    const worker = setupServer(...createHandlers({ threads: 0 }));
    worker.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch(`http://127.0.0.1:2024${RUNS}?limit=1&select=status`);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toEqual([{ status: expect.any(String) as unknown }]);
    } finally {
      worker.close();
    }
  });
});
