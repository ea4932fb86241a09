import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import type { Run } from '../../src/store/run.js';

// Raw fetch on purpose: this profile reproduces where the real server departs from the contract (a 400,
// unvalidated filters), so the contract checks of the other HTTP tests would rightly reject it.

const THREAD = '00000000-0000-4000-8000-000000000003';
let contract: MockServer;
let agentServer: MockServer;

beforeAll(async () => {
  contract = await createMockServer({ threads: 0 });
  agentServer = await createMockServer({ threads: 0, profile: 'agent-server' });
});
afterAll(async () => {
  await contract.close();
  await agentServer.close();
});

async function get(server: MockServer, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: await response.json() };
}

async function all(): Promise<Run[]> {
  return (await get(contract, `/threads/${THREAD}/runs?limit=100`)).body as Run[];
}

describe('--profile agent-server', () => {
  it.each([
    ['abc', "invalid literal for int() with base 10: 'abc'"],
    ['1.5', "invalid literal for int() with base 10: '1.5'"],
    ['1e3', "invalid literal for int() with base 10: '1e3'"],
    ['', "invalid literal for int() with base 10: ''"],
  ])('answers limit=%j with 400 and the message of Python int()', async (value, detail) => {
    expect(await get(agentServer, `/threads/${THREAD}/runs?limit=${value}`)).toEqual({
      status: 400,
      body: { detail },
    });
  });

  it('accepts what Python int() accepts: spaces, a sign, underscores between digits', async () => {
    const runs = await all();
    expect((await get(agentServer, `/threads/${THREAD}/runs?limit=%201_0%20&offset=+2`)).body).toEqual(
      runs.slice(2, 12),
    );
  });

  it('takes the last value of a repeated parameter', async () => {
    const runs = await all();
    expect((await get(agentServer, `/threads/${THREAD}/runs?limit=1&limit=3`)).body).toEqual(
      runs.slice(0, 3),
    );
  });

  it.each([
    ['offset=-2', -2, 10],
    ['limit=-1', 0, -1],
    ['offset=-5&limit=3', -5, 3],
  ])('treats %s as Python slicing of the newest-first list', async (query, start, count) => {
    const runs = await all();
    const stop = start + count;
    const norm = (i: number): number => Math.min(Math.max(i < 0 ? runs.length + i : i, 0), runs.length);
    expect((await get(agentServer, `/threads/${THREAD}/runs?${query}`)).body).toEqual(
      runs.slice(norm(start), norm(stop)),
    );
  });

  it('does not validate status: running filters, an unknown value matches nothing', async () => {
    const runs = await all();
    expect((await get(agentServer, `/threads/${THREAD}/runs?status=running`)).body).toEqual(
      runs.filter((run) => run.status === 'running'),
    );
    expect(await get(agentServer, `/threads/${THREAD}/runs?status=bogus`)).toEqual({ status: 200, body: [] });
    expect((await get(contract, `/threads/${THREAD}/runs?status=running`)).status).toBe(422);
  });

  it.each([
    ['upper case', THREAD.toUpperCase()],
    ['no hyphens', THREAD.replaceAll('-', '')],
    ['braces', `{${THREAD}}`],
    ['a urn:uuid: prefix', `urn:uuid:${THREAD}`],
  ])('accepts a thread id with %s, as uuid.UUID does', async (_name, id) => {
    const runs = await all();
    expect((await get(agentServer, `/threads/${encodeURIComponent(id)}/runs?limit=100`)).body).toEqual(runs);
  });

  it('rejects what uuid.UUID rejects with 422', async () => {
    expect(await get(agentServer, '/threads/not-a-uuid/runs')).toEqual({
      status: 422,
      body: { detail: 'Invalid thread ID: must be a UUID' },
    });
  });

  it('checks thread_id, limit, offset, select, then looks the thread up', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    expect((await get(agentServer, '/threads/x/runs?limit=a')).status).toBe(422);
    expect((await get(agentServer, `/threads/${unknown}/runs?offset=b&limit=a`)).body).toEqual({
      detail: "invalid literal for int() with base 10: 'a'",
    });
    expect((await get(agentServer, `/threads/${unknown}/runs?select=x&offset=b`)).body).toEqual({
      detail: "invalid literal for int() with base 10: 'b'",
    });
    expect((await get(agentServer, `/threads/${unknown}/runs?select=x`)).status).toBe(422);
    expect((await get(agentServer, `/threads/${unknown}/runs?status=x`)).status).toBe(404);
  });
});
