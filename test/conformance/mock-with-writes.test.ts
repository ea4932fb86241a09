import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import type { Run } from '../../src/store/run.js';

const THREAD = '00000000-0000-4000-8000-000000000003';
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0 });
});
afterAll(() => server.close());

async function send(path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('the conformance suite against the mock with the control API in use', () => {
  it('passes every check after runs are added, changed and deleted', async () => {
    const appended = await send(`/__mock/threads/${THREAD}/runs`, 'POST', [
      { status: 'error' },
      { status: 'timeout', created_at: '2026-06-01T11:00:00.000123+00:00' },
      { status: 'success', metadata: { source: 'test' } },
    ]);
    expect(appended.status).toBe(201);
    const runs = (await (await fetch(`${server.url}/threads/${THREAD}/runs?limit=100`)).json()) as Run[];
    expect(
      (
        await send(`/__mock/threads/${THREAD}/runs/${runs[7]?.run_id ?? ''}`, 'PATCH', {
          status: 'interrupted',
        })
      ).status,
    ).toBe(200);
    expect((await send(`/__mock/threads/${THREAD}/runs/${runs[15]?.run_id ?? ''}`, 'DELETE')).status).toBe(
      204,
    );
    const created = (await (await send('/__mock/threads', 'POST', {})).json()) as { thread_id: string };

    const report = await runConformance({
      baseUrl: server.url,
      threadId: THREAD,
      emptyThreadId: created.thread_id,
    });
    expect(report.results.filter((result) => !result.passed)).toEqual([]);
    expect(report.passed).toBeGreaterThan(20);
  });
});
