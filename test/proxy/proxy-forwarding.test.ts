import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/create-mock-server.js';
import {
  createProxyServer,
  type ProxyOptions,
  type ProxyServer,
} from '../../src/proxy/create-proxy-server.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { listenOnFreePort } from '../helpers/listen-on-free-port.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function proxyTo(target: string, options: Partial<ProxyOptions> = {}): Promise<ProxyServer> {
  const proxy = await createProxyServer({ target: new URL(target), ...options });
  closers.push(() => proxy.close());
  return proxy;
}

/** What the echo server received. */
interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

async function listen(server: Server): Promise<string> {
  const port = await listenOnFreePort(server);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${port}`;
}

/** A target that answers every request with what it received, as JSON, plus a header of its own. */
function startEchoServer(): Promise<string> {
  return listen(
    createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const echo: Echo = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        };
        response.writeHead(201, {
          'content-type': 'application/json',
          'x-from-target': 'yes',
          connection: 'keep-alive, x-target-hop',
          'x-target-hop': 'for the proxy only',
        });
        response.end(JSON.stringify(echo));
      });
    }),
  );
}

describe('the proxy forwards', () => {
  it('any method, path and body, and passes the answer back with its status and headers', async () => {
    const proxy = await proxyTo(await startEchoServer());
    const response = await fetch(`${proxy.url}/assistants/search?x=1`, {
      method: 'POST',
      body: '{"limit":3}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-from-target')).toBe('yes');
    const echo = (await response.json()) as Echo;
    expect(echo).toMatchObject({ method: 'POST', url: '/assistants/search?x=1', body: '{"limit":3}' });
  });

  it('streams a large body through in both directions', async () => {
    const proxy = await proxyTo(await startEchoServer());
    const big = 'x'.repeat(3_000_000);
    const response = await fetch(`${proxy.url}/upload`, { method: 'PUT', body: big });
    expect(((await response.json()) as Echo).body).toHaveLength(big.length);
  });

  it('keeps a path prefix of the target', async () => {
    const proxy = await proxyTo(`${await startEchoServer()}/api/`);
    expect(((await (await fetch(`${proxy.url}/ok`)).json()) as Echo).url).toBe('/api/ok');
  });

  it('drops hop-by-hop headers both ways, and the headers Connection names', async () => {
    const target = await startEchoServer();
    const proxy = await proxyTo(target);
    // fetch will not send a Connection header of its own making; node:http will.
    const answer = await new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = httpRequest(`${proxy.url}/info`, {
        headers: { connection: 'x-client-hop', 'x-client-hop': 'for the proxy only', 'x-end-to-end': 'kept' },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          resolve({ headers: response.headers, body });
        });
      });
      request.end();
    });
    const { headers } = JSON.parse(answer.body) as Echo;
    expect(headers['x-client-hop']).toBeUndefined();
    expect(headers['x-end-to-end']).toBe('kept');
    expect(headers.host).toBe(new URL(target).host);
    expect(answer.headers['x-target-hop']).toBeUndefined();
    expect(answer.headers['x-from-target']).toBe('yes');
  });

  it("passes the client's x-api-key on, and replaces it by --api-key when given", async () => {
    const target = await startEchoServer();
    const passing = await proxyTo(target);
    const replacing = await proxyTo(target, { apiKey: 'proxy-key' });
    const headers = { 'x-api-key': 'client-key' };
    const passed = (await (await fetch(`${passing.url}/info`, { headers })).json()) as Echo;
    const replaced = (await (await fetch(`${replacing.url}/info`, { headers })).json()) as Echo;
    expect(passed.headers['x-api-key']).toBe('client-key');
    expect(replaced.headers['x-api-key']).toBe('proxy-key');
  });

  it('lets the mock check the key the proxy adds', async () => {
    const mock = await createMockServer({ apiKey: 'secret' });
    closers.push(() => mock.close());
    const thread = scenarioThreadId('single-run');
    expect((await fetch(`${(await proxyTo(mock.url)).url}/threads/${thread}/runs`)).status).toBe(403);
    const withKey = await proxyTo(mock.url, { apiKey: 'secret' });
    expect((await fetch(`${withKey.url}/threads/${thread}/runs`)).status).toBe(200);
  });
});

describe('when the target fails, the proxy', () => {
  it('answers 502 with a detail when nobody listens at the target, and keeps serving', async () => {
    const server = createServer();
    const gone = await listen(server);
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    const proxy = await proxyTo(gone);
    const response = await fetch(`${proxy.url}/threads/${scenarioThreadId('busy')}/runs`);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /^target http:\/\/127\.0\.0\.1:\d+ is unreachable/,
    );
    expect((await fetch(`${proxy.url}/__mock/violations`)).status).toBe(200);
  });

  it('answers 504 with a detail when the target is slower than the timeout', async () => {
    const mock = await createMockServer({ latency: { minMs: 3000, maxMs: 3000 } });
    closers.push(() => mock.close());
    const failures: string[] = [];
    const proxy = await proxyTo(mock.url, {
      timeoutMs: 200,
      onTargetFailure: (request, error) => failures.push(`${request}: ${error.message}`),
    });
    const started = performance.now();
    const response = await fetch(`${proxy.url}/threads/${scenarioThreadId('busy')}/runs`);
    expect(response.status).toBe(504);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/did not answer within 200 ms/);
    expect(failures).toHaveLength(1);
  });

  it('answers 502 when the target speaks something other than HTTP', async () => {
    const sockets = new Set<Socket>();
    const tcp = createTcpServer((socket) => {
      sockets.add(socket);
      socket.end('SSH-2.0-OpenSSH_9.6\r\n');
    });
    const port = await listenOnFreePort(tcp);
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          tcp.close(() => {
            resolve();
          });
          for (const socket of sockets) socket.destroy();
        }),
    );
    const proxy = await proxyTo(`http://127.0.0.1:${port}`);
    const response = await fetch(`${proxy.url}/ok`);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/did not answer HTTP/);
  });

  it('cuts the client off, rather than hang, when the target stalls in the middle of a body', async () => {
    const target = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
        response.write('only half');
      }),
    );
    const proxy = await proxyTo(target, { timeoutMs: 200 });
    const response = await fetch(`${proxy.url}/stream`);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('the violations path', () => {
  it('is served by the proxy, not forwarded, and only for GET and HEAD', async () => {
    const proxy = await proxyTo(await startEchoServer());
    const listed = await fetch(`${proxy.url}/__mock/violations`);
    expect(await listed.json()).toEqual({ total: 0, violations: [] });
    const posted = await fetch(`${proxy.url}/__mock/violations`, { method: 'POST' });
    expect(posted.status).toBe(405);
    // Every other control path goes to the target, which may be a mock with a control API of its own.
    expect(((await (await fetch(`${proxy.url}/__mock/threads`)).json()) as Echo).url).toBe('/__mock/threads');
  });
});

describe('when the client goes away first, the proxy', () => {
  it('drops its request to the target and reports no failure of the target', async () => {
    let targetSawClose = false;
    const target = await listen(
      createServer((request) => {
        request.socket.on('close', () => {
          targetSawClose = true;
        });
        // never answers
      }),
    );
    const failures: string[] = [];
    const proxy = await proxyTo(target, { onTargetFailure: (request) => failures.push(request) });
    const aborter = new AbortController();
    const pending = fetch(`${proxy.url}/threads/${scenarioThreadId('busy')}/runs`, {
      signal: aborter.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    aborter.abort();
    await expect(pending).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(targetSawClose).toBe(true);
    expect(failures).toEqual([]);
  });
});
