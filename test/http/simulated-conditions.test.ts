import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePreferHeader } from '../../src/core/parse-prefer-header.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const RUNS = '/threads/00000000-0000-4000-8000-000000000003/runs';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function timed(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; ms: number; body: unknown }> {
  const started = performance.now();
  const response = await (server as TestServer).request(path, init);
  return { status: response.status, ms: performance.now() - started, body: response.body };
}

describe('parsePreferHeader', () => {
  it.each([
    ['code=404', { code: 404 }],
    ['code=404, delay=250', { code: 404, delayMs: 250 }],
    ['delay="10"', { delayMs: 10 }],
    ['dynamic=true; code=422', { code: 422 }],
    ['delay=999999', { delayMs: 60_000 }],
    ['code=abc, respond-async', {}],
  ])('reads %j', (header, expected) => {
    expect(parsePreferHeader(header)).toEqual(expected);
  });
});

describe('simulated conditions', () => {
  it('forces a declared status with Prefer: code=404, with a contract-valid body', async () => {
    server = await startMockServer();
    const response = await timed(RUNS, { headers: { prefer: 'code=404' } });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      detail: 'Thread with ID 00000000-0000-4000-8000-000000000003 not found',
    });
  });

  it('forces 422 and 500, and rejects a status List Runs does not declare', async () => {
    server = await startMockServer();
    expect((await timed(RUNS, { headers: { prefer: 'code=422' } })).status).toBe(422);
    const failed = await fetch(`${server.url}${RUNS}`, { headers: { prefer: 'code=500' } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ detail: 'Internal Server Error (forced by Prefer: code=500)' });
    const teapot = await fetch(`${server.url}${RUNS}`, { headers: { prefer: 'code=418' } });
    expect(teapot.status).toBe(400);
    expect(((await teapot.json()) as { detail: string }).detail).toContain('200, 404, 422, 500');
  });

  it('waits at least the Prefer: delay before answering', async () => {
    server = await startMockServer();
    const response = await timed(RUNS, { headers: { prefer: 'delay=300' } });
    expect(response.status).toBe(200);
    expect(response.ms).toBeGreaterThanOrEqual(290);
  });

  it('waits at least the --latency minimum on every request', async () => {
    server = await startMockServer({ latency: { minMs: 150, maxMs: 200 } });
    for (let i = 0; i < 3; i++) expect((await timed(RUNS)).ms).toBeGreaterThanOrEqual(140);
  });

  it('injects seeded 500s at --error-rate, the same ones for the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const mock = await startMockServer({ errorRate: 0.3, seed: 11 });
      const seen: number[] = [];
      for (let i = 0; i < 40; i++) seen.push((await fetch(`${mock.url}${RUNS}`)).status);
      await mock.close();
      return seen;
    };
    const first = await statuses();
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(20);
    expect(await statuses()).toEqual(first);
  });
});

describe('the request log', () => {
  it('writes one line per request: method, path and query, status, milliseconds', async () => {
    const lines: string[] = [];
    server = await startMockServer({ logRequest: (line) => lines.push(line) });
    await server.request(`${RUNS}?limit=2`);
    await server.request('/threads/nope/runs');
    // The line is written when the response closes, which may be just after the client has read it.
    await vi.waitFor(() => {
      expect(lines).toHaveLength(2);
    });
    expect(lines[0]).toMatch(
      /^GET \/threads\/00000000-0000-4000-8000-000000000003\/runs\?limit=2 200 \d+\.\dms$/,
    );
    expect(lines[1]).toMatch(/^GET \/threads\/nope\/runs 422 \d+\.\dms$/);
  });
});
