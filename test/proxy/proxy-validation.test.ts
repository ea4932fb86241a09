import { afterEach, describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/http/create-mock-server.js';
import {
  createProxyServer,
  type ProxyOptions,
  type ProxyServer,
} from '../../src/proxy/create-proxy-server.js';
import { formatViolation, type ObservedViolation } from '../../src/proxy/violation-log.js';
import { startBrokenServer } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function proxyTo(target: string, options: Partial<ProxyOptions> = {}): Promise<ProxyServer> {
  const proxy = await createProxyServer({ target: new URL(target), ...options });
  closers.push(() => proxy.close());
  return proxy;
}

async function brokenSelectServer(): Promise<string> {
  const server = await startBrokenServer('ignores-select');
  closers.push(() => server.close());
  return server.url;
}

const thread = scenarioThreadId('all-statuses');
const selecting = `/threads/${thread}/runs?limit=2&select=run_id&select=status`;

describe('the proxy checks every List Runs answer', () => {
  it('logs an answer that ignores select, one line per violation, and passes it on', async () => {
    const lines: string[] = [];
    const proxy = await proxyTo(await brokenSelectServer(), {
      onViolation: (violation) => lines.push(formatViolation(violation)),
    });
    const response = await fetch(proxy.url + selecting);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Record<string, unknown>[])[0]).toHaveProperty('kwargs');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      new RegExp(
        `^violation: GET ${selecting.replace(/[?]/g, '\\?')} -> 200: body-schema: .*additional properties`,
      ),
    );
  });

  it('lists the violations at /__mock/violations, with the request, the rule and the detail', async () => {
    const proxy = await proxyTo(await brokenSelectServer());
    await (await fetch(proxy.url + selecting)).text();
    const listed = (await (await fetch(`${proxy.url}/__mock/violations`)).json()) as {
      total: number;
      violations: ObservedViolation[];
    };
    expect(listed.total).toBe(listed.violations.length);
    expect(listed.violations[0]).toMatchObject({
      method: 'GET',
      url: selecting,
      status: 200,
      kind: 'body-schema',
    });
    expect(listed.violations[0]?.message).toMatch(/additional properties/);
  });

  it('answers 502 with a detail in place of a violating answer under --strict', async () => {
    const proxy = await proxyTo(await brokenSelectServer(), { strict: true });
    const response = await fetch(proxy.url + selecting);
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /^the target's answer breaks the List Runs contract: body-schema: /,
    );
    // The broken server's answers without select are right, and strict passes them on.
    const plain = await fetch(`${proxy.url}/threads/${thread}/runs?limit=2`);
    expect(plain.status).toBe(200);
  });

  it('never flags a valid select answer, whichever fields are selected', async () => {
    const mock = await createMockServer({ seed: 3 });
    closers.push(() => mock.close());
    const proxy = await proxyTo(mock.url, { strict: true });
    const selections = [
      ['run_id'],
      ['status', 'created_at'],
      ['kwargs', 'metadata', 'multitask_strategy'],
      ['assistant_id', 'thread_id', 'updated_at', 'run_id'],
    ];
    for (const fields of selections) {
      const query = fields.map((field) => `select=${field}`).join('&');
      const response = await fetch(`${proxy.url}/threads/${thread}/runs?limit=5&${query}`);
      expect(response.status).toBe(200);
      expect(Object.keys(((await response.json()) as Record<string, unknown>[])[0] ?? {}).sort()).toEqual(
        [...fields].sort(),
      );
    }
    expect(proxy.violations.total).toBe(0);
  });

  it("answers HEAD with the target's headers and length, and no body", async () => {
    const mock = await createMockServer({ seed: 3 });
    closers.push(() => mock.close());
    const proxy = await proxyTo(mock.url, { strict: true });
    const page = `/threads/${thread}/runs?limit=3`;
    const direct = await fetch(mock.url + page, { method: 'HEAD' });
    const proxied = await fetch(proxy.url + page, { method: 'HEAD' });
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get('content-length')).toBe(direct.headers.get('content-length'));
    expect(Number(proxied.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await proxied.text()).toBe('');
  });

  it('checks errors too: a 404 and a 422 of the mock keep the contract', async () => {
    const mock = await createMockServer({ seed: 3 });
    closers.push(() => mock.close());
    const proxy = await proxyTo(mock.url, { strict: true });
    expect((await fetch(`${proxy.url}/threads/00000000-0000-4000-8000-0000000000ff/runs`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/threads/${thread}/runs?limit=-1`)).status).toBe(422);
    expect(proxy.violations.total).toBe(0);
  });
});

describe('the proxy remembers verdicts only for identical answers', () => {
  it('flags a repeated broken answer every time, from the remembered verdict', async () => {
    const proxy = await proxyTo(await brokenSelectServer(), { strict: true });
    const statuses = [];
    for (let request = 0; request < 3; request++) statuses.push((await fetch(proxy.url + selecting)).status);
    expect(statuses).toEqual([502, 502, 502]);
    const messages = proxy.violations.list().map((violation) => `${violation.kind}: ${violation.message}`);
    const perAnswer = messages.length / 3;
    expect(perAnswer).toBeGreaterThan(0);
    expect(messages.slice(perAnswer, 2 * perAnswer)).toEqual(messages.slice(0, perAnswer));
    expect(messages.slice(2 * perAnswer)).toEqual(messages.slice(0, perAnswer));
  });

  it('flags a broken answer to a URL whose earlier answer was valid', async () => {
    const mock = await createMockServer({ seed: 3 });
    closers.push(() => mock.close());
    const { createServer } = await import('node:http');
    let answers = 0;
    // Valid, then with one status the spec does not allow, then valid again.
    const flaky = createServer((request, response) => {
      void fetch(mock.url + (request.url ?? '/')).then(async (upstream) => {
        const runs = (await upstream.json()) as { status: string }[];
        answers++;
        if (answers === 2 && runs[0] !== undefined) runs[0].status = 'paused';
        response.writeHead(upstream.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(runs));
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          flaky.close(() => {
            resolve();
          });
          flaky.closeAllConnections();
        }),
    );
    const { port } = flaky.address() as { port: number };
    const proxy = await proxyTo(`http://127.0.0.1:${port}`, { strict: true });
    const page = `${proxy.url}/threads/${thread}/runs?limit=2`;
    expect([(await fetch(page)).status, (await fetch(page)).status, (await fetch(page)).status]).toEqual([
      200, 502, 200,
    ]);
    expect(proxy.violations.total).toBe(1);
  });
});
