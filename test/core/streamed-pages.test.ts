import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestCore } from '../../src/core/create-request-core.js';
import { STREAMED_PAGE_RUNS } from '../../src/core/list-runs-renderer.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { loadDatasetDefinition } from '../../src/store/dataset-definition.js';
import { RunStore, type RunPageRequest } from '../../src/store/run-store.js';
import type { Run } from '../../src/store/run.js';

const LONG = loadDatasetDefinition().scenarios.find((scenario) => scenario.name === 'long')?.threadId ?? '';
const RUNS = `/threads/${LONG}/runs`;

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0 });
});
afterAll(() => server.close());

/** The text of `[offset, offset + size)` as small pages (rendered whole) would give it, joined. */
async function fromSmallPages(offset: number, size: number, query = ''): Promise<string> {
  const parts: string[] = [];
  for (let at = offset; at < offset + size; at += STREAMED_PAGE_RUNS) {
    const limit = Math.min(STREAMED_PAGE_RUNS, offset + size - at);
    const text = await (await fetch(`${server.url}${RUNS}?offset=${at}&limit=${limit}${query}`)).text();
    parts.push(text.slice(1, -1));
  }
  return `[${parts.join(',')}]`;
}

describe('a page larger than STREAMED_PAGE_RUNS', () => {
  it('is written in chunks, byte for byte the text of the small pages it spans', async () => {
    const response = await fetch(`${server.url}${RUNS}?limit=10000&offset=37`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(await fromSmallPages(37, 10_000 - 37));
    expect(JSON.parse(text)).toHaveLength(10_000 - 37);
  });

  it('projects and filters like a small page', async () => {
    const query = '&status=success&select=run_id&select=status';
    const text = await (await fetch(`${server.url}${RUNS}?limit=5000${query}`)).text();
    const runs = JSON.parse(text) as { status: string }[];
    expect(runs.length).toBeGreaterThan(STREAMED_PAGE_RUNS);
    expect(text).toBe(await fromSmallPages(0, runs.length, query));
  });

  it('is the same through handle(), as a stream', async () => {
    const core = createRequestCore({ threads: 0 });
    const response = await core.handle(new Request(`http://any.host${RUNS}?limit=3000`));
    expect(await response.text()).toBe(await fromSmallPages(0, 3000));
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${server.url}${RUNS}?limit=5000`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('waits for a client that does not read, while other clients are served', async () => {
    const socket = connect(server.port, '127.0.0.1');
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      socket.pause(); // read one piece, then stop: the server must wait for the socket to drain
    });
    socket.write(`GET ${RUNS}?limit=10000 HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const others = await Promise.all(
      [1, 2, 3].map(async () => (await fetch(`${server.url}${RUNS}?limit=10`)).status),
    );
    expect(others).toEqual([200, 200, 200]);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(4_000_000); // the whole page is about 10 MB: it was held back
    socket.destroy();
  });

  it('aborts the answer when a piece fails to render, logs it once and never renders it again', async () => {
    const logged: string[] = [];
    const calls: RunPageRequest[] = [];
    const seeded = createSeededStore({ threads: 0 });
    class FailingStore extends RunStore {
      override listRuns(request: RunPageRequest): readonly Run[] {
        calls.push(request);
        if (request.offset >= 500) throw new Error('disk on fire');
        return seeded.listRuns(request);
      }
      override countRuns(threadId: string, status?: string): number {
        return seeded.countRuns(threadId, status);
      }
    }
    const store = new FailingStore([], {
      faker: undefined as never,
      anchorMicros: 0,
      multitaskStrategyWeights: {},
    });
    const failing = await createMockServer({ store, logError: (message) => logged.push(message) });
    try {
      const response = await fetch(`${failing.url}${RUNS}?limit=2000`);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
      expect(calls.map((call) => call.offset)).toEqual([0, 250, 500]);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('disk on fire');
    } finally {
      await failing.close();
    }
  });
});
