import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';

const RUNS = '/threads/00000000-0000-4000-8000-000000000003/runs';
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0, headersTimeoutMs: 500 });
});
afterAll(() => server.close());

/** Writes raw bytes to the server and collects everything it answers until it closes the socket. */
function raw(chunks: readonly string[], gapMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, '127.0.0.1');
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

describe('request limits', () => {
  it('answers an over-long URL with a JSON 414', async () => {
    const response = await fetch(`${server.url}${RUNS}?foo=${'a'.repeat(9000)}`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ detail: 'URI Too Long (over 8192 characters)' });
  });

  it('answers headers over 16 KB with a JSON 431 and closes the connection', async () => {
    const answer = await raw([`GET ${RUNS} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('Content-Type: application/json');
    expect(answer.endsWith('{"detail":"Request Header Fields Too Large"}')).toBe(true);
  });

  it('answers a HEAD over the header limit with a 431 and no body, as HEAD answers must be', async () => {
    const answer = await raw([`HEAD /threads/${'a'.repeat(17_000)}/runs HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers a malformed request line with a JSON 400', async () => {
    const answer = await raw(['NOT HTTP AT ALL\r\n\r\n']);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer.endsWith('{"detail":"Bad Request"}')).toBe(true);
  });

  it('ignores a body sent with GET', async () => {
    const withBody = await raw([
      `GET ${RUNS}?limit=1&select=run_id HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{"limit": 99}`,
    ]);
    const plain = await (await fetch(`${server.url}${RUNS}?limit=1&select=run_id`)).text();
    expect(withBody).toMatch(/^HTTP\/1\.1 200 /);
    expect(withBody.endsWith(plain)).toBe(true);
  });

  it('times out a client that trickles its headers, without holding others up', async () => {
    const slow = raw(
      ['GET / HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n'],
      400,
    );
    const others = await Promise.all([1, 2, 3].map(async () => (await fetch(`${server.url}${RUNS}`)).status));
    expect(others).toEqual([200, 200, 200]);
    const answer = await slow;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.endsWith('{"detail":"Request Timeout"}')).toBe(true);
  });

  it('shrugs off a client that disconnects mid-response', async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.url}${RUNS}`, {
      headers: { prefer: 'delay=200' },
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 50);
    await expect(pending).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 250)); // let the delayed answer meet the closed socket
    expect((await fetch(`${server.url}${RUNS}`)).status).toBe(200);
  });

  it('sends X-Content-Type-Options: nosniff on every answer', async () => {
    for (const path of [RUNS, '/threads/x/runs', '/nope', '/__mock/threads']) {
      expect((await fetch(`${server.url}${path}`)).headers.get('x-content-type-options'), path).toBe(
        'nosniff',
      );
    }
  });
});

describe('--api-key', () => {
  let guarded: MockServer;
  beforeAll(async () => {
    guarded = await createMockServer({ threads: 0, apiKey: 's3cret' });
  });
  afterAll(() => guarded.close());

  it.each([
    ['missing', {}, 'Missing x-api-key header'],
    ['wrong', { 'x-api-key': 'nope' }, 'Invalid API key'],
    ['a prefix of the key', { 'x-api-key': 's3' }, 'Invalid API key'],
  ])('answers 403 {"detail"} when the key is %s', async (_name, headers, detail) => {
    for (const path of [RUNS, '/__mock/threads']) {
      const response = await fetch(`${guarded.url}${path}`, { headers });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ detail });
    }
  });

  it('refuses an empty key at start, with a clear error', async () => {
    await expect(createMockServer({ threads: 0, apiKey: '' })).rejects.toThrow(
      'apiKey must be a non-empty string; leave it out to serve without a key',
    );
  });

  it('serves a request with the right key', async () => {
    expect((await fetch(`${guarded.url}${RUNS}`, { headers: { 'x-api-key': 's3cret' } })).status).toBe(200);
  });

  it('still answers CORS preflights, which carry no key', async () => {
    const response = await fetch(`${guarded.url}${RUNS}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-api-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('x-api-key');
  });
});
