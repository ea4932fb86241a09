import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

/** Keys a successful pollution would make every object inherit. */
const PROBES = ['polluted', 'isAdmin', 'select', 'limit', 'status', 'detail'] as const;

/** Query strings that pollute servers which parse queries into nested objects (qs, naive merges). */
const NASTY_QUERIES = [
  '__proto__[polluted]=1',
  '__proto__.polluted=1',
  '__proto__=polluted',
  '__proto__[isAdmin]=true',
  'constructor[prototype][polluted]=1',
  'constructor.prototype.polluted=1',
  'constructor[prototype][isAdmin]=true',
  'a[__proto__][polluted]=1',
  '%5F%5Fproto%5F%5F%5Bpolluted%5D=1',
  '__proto__%5Bpolluted%5D=1',
  '__proto__[select]=status&select=run_id',
  '__proto__[limit]=1',
  'select=__proto__',
  'select=constructor',
  'select=__proto__&select=run_id',
  'status=constructor',
  'status=__proto__',
  'limit=__proto__',
  'offset=constructor',
  'limit=1&__proto__[polluted]=1&constructor[prototype][polluted]=1',
];

/** What Object.prototype (and Array.prototype, where a parsed `select` list would land) looks like now. */
function prototypeSnapshot(): unknown {
  const empty: Record<string, unknown> = {};
  return {
    objectNames: Object.getOwnPropertyNames(Object.prototype).sort(),
    arrayNames: Object.getOwnPropertyNames(Array.prototype).sort(),
    probes: PROBES.map((key) => [key, empty[key], ([] as unknown as Record<string, unknown>)[key]]),
    prototypeOfEmpty: Object.getPrototypeOf(empty) === Object.prototype,
  };
}

describe('prototype pollution and reads that change state', () => {
  let server: TestServer;
  let threadIds: string[];
  const before = prototypeSnapshot();

  /** Every answer a client could use to see the store: List Runs pages, thread summaries, the thread list. */
  async function storeAnswers(ids: readonly string[]): Promise<Record<string, string>> {
    const answers: Record<string, string> = {};
    const paths = ['/__mock/threads'];
    for (const id of ids) {
      paths.push(
        `/threads/${id}/runs`,
        `/threads/${id}/runs?limit=100000`,
        `/threads/${id}/runs?status=success&select=run_id&select=status&select=created_at`,
        `/__mock/threads/${id}`,
      );
    }
    for (const path of paths) {
      const response = await server.request(path);
      answers[path] = `${response.status} ${response.text}`;
    }
    return answers;
  }

  beforeAll(async () => {
    server = await startMockServer({ threads: 2 });
    const listed = (await server.request('/__mock/threads')).body as { thread_id: string }[];
    // The 10,000-run thread is left out: its whole history is 11 MB per read and adds nothing here.
    const long = scenarioThreadId('long');
    threadIds = listed.map((thread) => thread.thread_id).filter((id) => id !== long);
  });
  afterAll(() => server.close());

  it('leaves Object.prototype and the store as they were after the nastiest queries', async () => {
    const answersBefore = await storeAnswers(threadIds);
    const reads = [
      ...threadIds.flatMap((id) => NASTY_QUERIES.map((query) => `/threads/${id}/runs?${query}`)),
      ...NASTY_QUERIES.map((query) => `/__mock/threads?${query}`),
      ...NASTY_QUERIES.map((query) => `/threads/__proto__/runs?${query}`),
      '/threads/constructor/runs',
      '/threads/prototype/runs',
      '/__mock/threads/__proto__',
      '/__mock/threads/constructor',
      `/__mock/threads/${threadIds[0] ?? ''}/runs/__proto__`,
    ];
    for (const path of reads) {
      const response = await server.request(path);
      expect(response.status, path).toBeLessThan(500);
    }

    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await storeAnswers(threadIds)).toEqual(answersBefore);
  });

  it('rejects JSON bodies with __proto__ or constructor.prototype, or stores them as plain data', async () => {
    const answersBefore = await storeAnswers(threadIds);
    const scratch = await server.request('/__mock/threads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(scratch.status).toBe(201);
    const scratchId = (scratch.body as { thread_id: string }).thread_id;
    const nasty = [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"__proto__":{"polluted":1},"status":"success"}',
      '[{"__proto__":{"isAdmin":true}}]',
      '{"metadata":{"__proto__":{"polluted":1}}}',
      '{"kwargs":{"constructor":{"prototype":{"polluted":1}}}}',
      '{"metadata":{"constructor":{"prototype":{"isAdmin":true}}},"status":"success"}',
    ];
    const writes = [
      ...nasty.map((body) => ({ method: 'POST', path: '/__mock/threads', body })),
      { method: 'POST', path: '/__mock/threads', body: '{"thread_id":{"__proto__":{"polluted":1}}}' },
      ...nasty.map((body) => ({ method: 'POST', path: `/__mock/threads/${scratchId}/runs`, body })),
    ];
    const created: string[] = [];
    for (const write of writes) {
      const response = await server.request(write.path, {
        method: write.method,
        headers: { 'content-type': 'application/json' },
        body: write.body,
      });
      const label = `${write.method} ${write.path} ${write.body}`;
      expect(response.status, label).toBeGreaterThanOrEqual(200);
      expect(response.status, label).toBeLessThan(500);
      // Accepted writes must not have polluted anything; rejected ones are 4xx with a detail.
      expect(prototypeSnapshot(), label).toEqual(before);
      if (response.status >= 400)
        expect(response.body, label).toEqual({ detail: expect.any(String) as unknown });
      else if (write.path === '/__mock/threads')
        created.push((response.body as { thread_id: string }).thread_id);
    }

    // Whatever was stored reads back through List Runs within the contract (checked by server.request).
    const scratchRuns = await server.request(`/threads/${scratchId}/runs?limit=100`);
    expect(scratchRuns.status).toBe(200);
    expect(prototypeSnapshot()).toEqual(before);
    // The threads that were there before answer exactly as before; the list only gained the new threads.
    const answersAfter = await storeAnswers(threadIds);
    const listAfter = JSON.parse(answersAfter['/__mock/threads']?.slice(4) ?? '[]') as {
      thread_id: string;
    }[];
    const listBefore = JSON.parse(answersBefore['/__mock/threads']?.slice(4) ?? '[]') as unknown[];
    expect(listAfter.filter((thread) => ![scratchId, ...created].includes(thread.thread_id))).toEqual(
      listBefore,
    );
    delete answersAfter['/__mock/threads'];
    delete answersBefore['/__mock/threads'];
    expect(answersAfter).toEqual(answersBefore);
  });
});
