import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';

const THREAD = '00000000-0000-4000-8000-000000000003';
const RUNS = `/threads/${THREAD}/runs`;
const ORIGIN = 'http://localhost:5173';

let server: MockServer;
let guarded: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0, headersTimeoutMs: 500 });
  guarded = await createMockServer({ threads: 0, apiKey: 'k' });
});
afterAll(async () => {
  await server.close();
  await guarded.close();
});

function preflight(base: string, path: string, method: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin: ORIGIN,
      'access-control-request-method': method,
      'access-control-request-headers': 'content-type',
    },
  });
}

/** Raw bytes in, the whole raw answer out (the server closes these connections). */
function raw(chunks: readonly string[], gapMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (data: string) => (answer += data));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(answer);
    });
    socket.on('connect', () => {
      chunks.forEach((chunk, i) => {
        setTimeout(() => {
          if (!socket.destroyed) socket.write(chunk);
        }, i * gapMs);
      });
    });
  });
}

describe('CORS preflights', () => {
  it.each([
    ['List Runs', RUNS, 'GET', 'GET, HEAD, OPTIONS'],
    ['a control thread', '/__mock/threads/x', 'DELETE', 'GET, POST, PATCH, DELETE, OPTIONS'],
    ['a control run', `/__mock/threads/${THREAD}/runs/r`, 'PATCH', 'GET, POST, PATCH, DELETE, OPTIONS'],
    ['a control reset', '/__mock/reset', 'POST', 'GET, POST, PATCH, DELETE, OPTIONS'],
  ])('allow the methods of %s', async (_name, path, method, allowed) => {
    const response = await preflight(server.url, path, method);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')).toContain(method);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('need no API key', async () => {
    const response = await preflight(guarded.url, '/__mock/threads/x', 'DELETE');
    expect(response.status).toBe(204);
  });
});

describe('every answer', () => {
  const json = { origin: ORIGIN, 'content-type': 'application/json' };
  it.each([
    ['200', RUNS, {}, 200],
    ['204 (a plain OPTIONS)', RUNS, { method: 'OPTIONS' }, 204],
    ['400 (a body that is not JSON)', '/__mock/threads', { method: 'POST', body: '{', headers: json }, 400],
    ['404', '/nowhere', {}, 404],
    ['405', RUNS, { method: 'PUT' }, 405],
    ['413', '/__mock/threads', { method: 'POST', body: `"${'a'.repeat(1_100_000)}"`, headers: json }, 413],
    ['414', `${RUNS}?x=${'a'.repeat(9000)}`, {}, 414],
    ['415', '/__mock/threads', { method: 'POST', body: '{}', headers: { origin: ORIGIN } }, 415],
    ['422', '/threads/x/runs', {}, 422],
    ['500 (forced)', RUNS, { headers: { origin: ORIGIN, prefer: 'code=500' } }, 500],
  ] as const)('carries the CORS headers and Vary: Origin: %s', async (_name, path, init, status) => {
    const response = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...('headers' in init ? init.headers : {}), origin: ORIGIN },
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('carries them on a 403 for a missing API key', async () => {
    const response = await fetch(`${guarded.url}${RUNS}`, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('allows any origin, and still says Vary: Origin, when the request names none', async () => {
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it.each([
    [
      '400 for a malformed request',
      ['GET /threads/x/runs HTTP/1.1\r\nOrigin: http://localhost:5173\r\nHost: x\r\nBad Header\r\n\r\n'],
      400,
      ORIGIN,
    ],
    [
      '431 for headers over 16 KB',
      [`GET ${RUNS} HTTP/1.1\r\nOrigin: ${ORIGIN}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      431,
      ORIGIN,
    ],
    [
      '408 for headers sent too slowly',
      ['GET / HTTP/1.1\r\n', `Origin: ${ORIGIN}\r\n`, 'X-A: 1\r\n'],
      408,
      '*',
    ],
  ])('carries them on a socket-level %s', async (_name, chunks, status, origin) => {
    const answer = await raw(chunks, 400);
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const head = answer.slice(0, answer.indexOf('\r\n\r\n'));
    expect(head).toContain(`\r\nAccess-Control-Allow-Origin: `);
    if (origin !== '*') expect(head).toContain(`\r\nAccess-Control-Allow-Origin: ${origin}\r\n`);
    expect(head).toContain('\r\nVary: Origin');
    expect(answer.endsWith('"}')).toBe(true);
  });
});
