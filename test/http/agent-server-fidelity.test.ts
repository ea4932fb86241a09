import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import type { Run } from '../../src/store/run.js';

// Where `--profile agent-server` reads input as CPython 3.11 and Starlette do, over HTTP. Raw fetch on
// purpose: a 400 is outside the contract. Every expected detail is what python3.11 printed for the value.

const THREAD = '00000000-0000-4000-8000-000000000003';
const RUNS = `/threads/${THREAD}/runs`;
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

async function get(
  server: MockServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, body: await response.json() };
}

async function newest(count: number): Promise<Run[]> {
  return ((await get(contract, `${RUNS}?limit=100`)).body as Run[]).slice(0, count);
}

const EXCEEDS = (digits: number): string =>
  'Exceeds the limit (4300 digits) for integer string conversion: ' +
  `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`;

describe('--profile agent-server reads integers as CPython 3.11 int() does', () => {
  it.each([
    ['an Arabic-Indic three', '\u0663', 3],
    ['full-width digits with an underscore', '\uff11_\uff12', 12],
    ['a Devanagari four in ideographic spaces', '\u3000\u096a\u3000', 4],
  ])('reads limit as %s', async (_name, value, count) => {
    expect(await get(agentServer, `${RUNS}?limit=${encodeURIComponent(value)}`)).toEqual({
      status: 200,
      body: await newest(count),
    });
    expect((await get(contract, `${RUNS}?limit=${encodeURIComponent(value)}`)).status).toBe(422);
  });

  it('reads a thread id written in Arabic-Indic digits, and its 404 quotes the canonical id', async () => {
    expect(await get(agentServer, `/threads/${encodeURIComponent('\u0661'.repeat(32))}/runs`)).toEqual({
      status: 404,
      body: { detail: 'Thread with ID 11111111-1111-1111-1111-111111111111 not found' },
    });
  });

  it.each([
    ['an ideographic space', '1\u3000x', "'1\\u3000x'"],
    ['a zero-width space', '\u200b1', "'\\u200b1'"],
    ['a byte order mark', '\ufeff1', "'\\ufeff1'"],
    ['a soft hyphen and a line separator', '1\u00ad\u2028', "'1\\xad\\u2028'"],
    ['an astral format character', '1\u{e0001}', "'1\\U000e0001'"],
  ])('escapes %s in the 400 detail as repr() does', async (_name, value, repr) => {
    expect(await get(agentServer, `${RUNS}?offset=${encodeURIComponent(value)}`)).toEqual({
      status: 400,
      body: { detail: `invalid literal for int() with base 10: ${repr}` },
    });
  });

  it('accepts 4,300 digits and refuses 4,301 with 400 and the ValueError of CPython 3.11', async () => {
    expect(await get(agentServer, `${RUNS}?limit=${'0'.repeat(4299)}2`)).toEqual({
      status: 200,
      body: await newest(2),
    });
    expect(await get(agentServer, `${RUNS}?limit=${'1'.repeat(4301)}`)).toEqual({
      status: 400,
      body: { detail: EXCEEDS(4301) },
    });
    expect(await get(agentServer, `${RUNS}?offset=-${'1'.repeat(4400)}x`)).toEqual({
      status: 400,
      body: { detail: EXCEEDS(4400) },
    });
  });
});

describe('the query string, read as Starlette reads it', () => {
  it('takes /runs??limit=5 as the key ?limit, so the default limit applies, under both profiles', async () => {
    expect(await get(agentServer, `${RUNS}??limit=5`)).toEqual({ status: 200, body: await newest(10) });
    // The contract ignores unknown parameters; its checker (new URL().searchParams) reads the same key.
    expect(await get(contract, `${RUNS}??limit=5`)).toEqual({ status: 200, body: await newest(10) });
  });

  it('reads the parameters after a leading empty pair as usual', async () => {
    expect(await get(agentServer, `${RUNS}?&limit=5`)).toEqual({ status: 200, body: await newest(5) });
  });
});

describe('Prefer: code=404 under each profile', () => {
  const sent = `{${THREAD.toUpperCase()}}`;

  it('quotes the normalised thread id under agent-server, as its real 404 does', async () => {
    const forced = await get(agentServer, `/threads/${sent}/runs`, { prefer: 'code=404' });
    expect(forced).toEqual({ status: 404, body: { detail: `Thread with ID ${THREAD} not found` } });
    const unknown = '{00000000-0000-4000-8000-0000000000FF}';
    expect((await get(agentServer, `/threads/${unknown}/runs`)).body).toEqual({
      detail: 'Thread with ID 00000000-0000-4000-8000-0000000000ff not found',
    });
  });

  it('quotes the id as sent under the contract', async () => {
    const upper = THREAD.toUpperCase();
    expect(await get(contract, `/threads/${upper}/runs`, { prefer: 'code=404' })).toEqual({
      status: 404,
      body: { detail: `Thread with ID ${upper} not found` },
    });
  });

  it('quotes a thread id that is no UUID as sent under agent-server', async () => {
    expect(await get(agentServer, '/threads/not-a-uuid/runs', { prefer: 'code=404' })).toEqual({
      status: 404,
      body: { detail: 'Thread with ID not-a-uuid not found' },
    });
  });
});
