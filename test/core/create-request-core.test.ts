import { describe, expect, it } from 'vitest';
import { createRequestCore } from '../../src/core/create-request-core.js';
import type { MockResponse } from '../../src/core/mock-response.js';

const RUNS = '/threads/00000000-0000-4000-8000-000000000003/runs';

describe('createRequestCore', () => {
  it('answers a List Runs request synchronously, as a plain function of the request', () => {
    const core = createRequestCore({ seed: 4, threads: 0 });
    const answer = core.respond({ method: 'GET', url: `${RUNS}?limit=2&select=status`, headers: {} });
    expect(answer).not.toBeInstanceOf(Promise);
    const { status, headers, body } = answer as MockResponse;
    expect(status).toBe(200);
    expect(headers).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
      Vary: 'Origin',
      'Content-Type': 'application/json; charset=utf-8',
    });
    expect(JSON.parse(body as string)).toHaveLength(2);
  });

  it('gives the same bytes through handle() as through respond()', async () => {
    const core = createRequestCore({ seed: 4, threads: 0 });
    const direct = core.respond({ method: 'GET', url: RUNS, headers: {} }) as MockResponse;
    const response = await core.handle(new Request(`http://any.host${RUNS}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(direct.headers['Content-Type']);
    expect(await response.text()).toBe(direct.body);
  });

  it('reads a JSON body through handle() and answers HEAD without one', async () => {
    const core = createRequestCore({ threads: 0 });
    const created = await core.handle(
      new Request('http://any.host/__mock/threads', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"thread_id":"0000beef-0000-4000-8000-000000000001"}',
      }),
    );
    expect(created.status).toBe(201);
    const head = await core.handle(
      new Request('http://any.host/threads/0000beef-0000-4000-8000-000000000001/runs', { method: 'HEAD' }),
    );
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('maps every error to {"detail"} and never rejects', async () => {
    const core = createRequestCore({ threads: 0 });
    const notFound = core.respond({ method: 'GET', url: '/nowhere', headers: {} }) as MockResponse;
    expect([notFound.status, notFound.body]).toEqual([404, '{"detail":"Not Found"}']);
    const forced = await core.respond({ method: 'GET', url: RUNS, headers: { prefer: 'code=500, delay=5' } });
    expect([forced.status, forced.body]).toEqual([
      500,
      '{"detail":"Internal Server Error (forced by Prefer: code=500)"}',
    ]);
  });

  it('logs one line per answer through the callback, delayed answers included', async () => {
    const lines: string[] = [];
    const core = createRequestCore({ threads: 0, logRequest: (line) => lines.push(line) });
    await core.respond({ method: 'GET', url: `${RUNS}?limit=1`, headers: {} });
    await core.respond({ method: 'GET', url: '/threads/x/runs', headers: { prefer: 'delay=5' } });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/threads\/\S+\/runs\?limit=1 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/^GET \/threads\/x\/runs 422 \d+\.\dms$/);
  });
});
