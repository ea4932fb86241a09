import { describe, expect, it, vi } from 'vitest';
import { createRequestCore } from '../../src/core/create-request-core.js';
import type { MockRequest } from '../../src/core/mock-request.js';
import type { MockResponse } from '../../src/core/mock-response.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const THREAD = scenarioThreadId('all-statuses');
const PAGE = `/threads/${THREAD}/runs?limit=3&select=run_id&select=status`;

/** A core over its own store, with the store's page reads counted. */
function countingCore(): {
  send: (request: Omit<MockRequest, 'headers'>) => Promise<MockResponse>;
  reads: () => number;
  store: ReturnType<typeof createSeededStore>;
} {
  const store = createSeededStore({ seed: 5, threads: 0 });
  const listRuns = vi.spyOn(store, 'listRuns');
  const core = createRequestCore({ store });
  return {
    send: async (request) => core.respond({ headers: { 'content-type': 'application/json' }, ...request }),
    reads: () => listRuns.mock.calls.length,
    store,
  };
}

async function page(
  send: ReturnType<typeof countingCore>['send'],
): Promise<{ run_id: string; status: string }[]> {
  const answer = await send({ method: 'GET', url: PAGE });
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body as string) as { run_id: string; status: string }[];
}

describe('the List Runs page cache', () => {
  it('renders a page once while the store is unchanged, and the same bytes each time', async () => {
    const { send, reads } = countingCore();
    const first = await send({ method: 'GET', url: PAGE });
    const second = await send({ method: 'GET', url: PAGE });
    expect(second.body).toBe(first.body);
    expect(reads()).toBe(1);
    await send({ method: 'GET', url: `${PAGE}&offset=1` });
    expect(reads()).toBe(2);
  });

  it('serves a page changed by every kind of write, never a stale one', async () => {
    const { send, store } = countingCore();
    const seeded = await page(send);

    await send({ method: 'POST', url: `/__mock/threads/${THREAD}/runs`, body: '{"status":"error"}' });
    const appended = await page(send);
    expect(appended[0]?.status).toBe('error');
    expect(appended.slice(1)).toEqual(seeded.slice(0, 2));

    const newest = appended[0]?.run_id ?? '';
    await send({
      method: 'PATCH',
      url: `/__mock/threads/${THREAD}/runs/${newest}`,
      body: '{"status":"success"}',
    });
    expect((await page(send))[0]).toEqual({ run_id: newest, status: 'success' });

    store.setRunStatus(THREAD, newest, 'timeout'); // as the live lifecycle moves runs along
    expect((await page(send))[0]).toEqual({ run_id: newest, status: 'timeout' });

    await send({ method: 'DELETE', url: `/__mock/threads/${THREAD}/runs/${newest}` });
    expect(await page(send)).toEqual(seeded);

    await send({ method: 'DELETE', url: `/__mock/threads/${THREAD}` });
    expect((await send({ method: 'GET', url: PAGE })).status).toBe(404);

    await send({ method: 'POST', url: '/__mock/reset', body: '' });
    expect(await page(send)).toEqual(seeded);
  });
});
