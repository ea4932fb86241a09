import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/http/create-app.js';
import {
  createMockServer,
  type MockServer,
  type MockServerOptions,
} from '../../src/http/create-mock-server.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';

const THREAD = '00000000-0000-4000-8000-000000000003';
const IGNORED = new Set(['date', 'connection', 'keep-alive']);

let withFastPath: MockServer;
let expressOnly: Server;
let expressUrl: string;

beforeAll(async () => {
  withFastPath = await createMockServer({ seed: 4, threads: 1 });
  expressOnly = createServer(createApp({ store: createSeededStore({ seed: 4, threads: 1 }) }));
  await new Promise<void>((resolve) => expressOnly.listen(0, '127.0.0.1', resolve));
  expressUrl = `http://127.0.0.1:${(expressOnly.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await withFastPath.close();
  await new Promise<void>((resolve) =>
    expressOnly.close(() => {
      resolve();
    }),
  );
});

async function answer(base: string, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${base}${path}`, init);
  const headers = [...response.headers.entries()].filter(([name]) => !IGNORED.has(name)).sort();
  return { status: response.status, headers, body: await response.text() };
}

describe('createMockServer and createApp, two doors to one core', () => {
  it.each([
    ['the default page', `/threads/${THREAD}/runs`, {}],
    [
      'a filtered, projected page',
      `/threads/${THREAD}/runs?status=error&offset=1&limit=2&select=status&select=run_id`,
      {},
    ],
    ['a trailing slash', `/threads/${THREAD}/runs/?limit=3`, {}],
    ['an upper-case id', `/threads/${THREAD.toUpperCase()}/runs?limit=1`, {}],
    ['a page for another origin', `/threads/${THREAD}/runs?limit=2`, { origin: 'http://localhost:5173' }],
    ['a bad limit (handed to the app)', `/threads/${THREAD}/runs?limit=x`, {}],
    ['an unknown thread (handed to the app)', '/threads/00000000-0000-4000-8000-0000000000ff/runs', {}],
    ['a Prefer header (handed to the app)', `/threads/${THREAD}/runs`, { prefer: 'code=404' }],
  ])('answers %s exactly as the Express app does', async (_name, path, headers) => {
    expect(await answer(withFastPath.url, path, { headers })).toEqual(
      await answer(expressUrl, path, { headers }),
    );
  });

  it('answers HEAD and other methods exactly as the Express app does', async () => {
    for (const method of ['HEAD', 'POST', 'OPTIONS']) {
      const path = `/threads/${THREAD}/runs`;
      expect(await answer(withFastPath.url, path, { method }), method).toEqual(
        await answer(expressUrl, path, { method }),
      );
    }
  });

  it('shows writes made through the control API at once', async () => {
    const created = await fetch(`${withFastPath.url}/__mock/threads/${THREAD}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'timeout' }),
    });
    const run = (await created.json()) as { run_id: string };
    const [newest] = (await (await fetch(`${withFastPath.url}/threads/${THREAD}/runs?limit=1`)).json()) as {
      run_id: string;
    }[];
    expect(newest?.run_id).toBe(run.run_id);
  });
});

describe('the fast path of createMockServer', () => {
  // Express swaps the prototypes of the request and response it handles; the node:http door leaves
  // Node's own. A server that routed through Express for some option would show it here.
  it.each<[string, MockServerOptions]>([
    ['the default server, request log on', { logRequest: () => undefined }],
    ['--api-key', { apiKey: 'k' }],
    ['--latency', { latency: { minMs: 1, maxMs: 2 } }],
    ['--error-rate', { errorRate: 0.5 }],
    ['--live and --profile agent-server', { live: true, profile: 'agent-server' }],
  ])('serves List Runs straight from node:http to the core: %s', async (_name, options) => {
    const lines: string[] = [];
    const mock = await createMockServer({
      seed: 4,
      threads: 1,
      ...options,
      ...(options.logRequest === undefined ? {} : { logRequest: (line: string) => lines.push(line) }),
    });
    const seen: boolean[] = [];
    mock.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      seen.push(
        Object.getPrototypeOf(request) === IncomingMessage.prototype &&
          Object.getPrototypeOf(response) === ServerResponse.prototype,
      );
    });
    try {
      const response = await fetch(`${mock.url}/threads/${THREAD}/runs`, { headers: { 'x-api-key': 'k' } });
      await response.text();
      expect(seen).toEqual([true]);
      if (options.logRequest !== undefined) {
        await vi.waitFor(() => {
          expect(lines).toHaveLength(1);
        });
        expect(lines[0]).toMatch(new RegExp(`^GET /threads/${THREAD}/runs 200 \\d+\\.\\dms$`));
      }
    } finally {
      await mock.close();
    }
  });
});
