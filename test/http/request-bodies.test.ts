import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ threads: 0 });
});
afterAll(() => server.close());

/**
 * Sends `head`, then `chunk` every few milliseconds until the server answers or `maxChunks` are sent;
 * resolves with the answer, how many chunks went out first, and whether the server closed the socket.
 */
function upload(
  head: string,
  chunk: string,
  maxChunks: number,
): Promise<{ answer: string; chunksSent: number; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    let chunksSent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean): void => {
      clearInterval(timer);
      resolve({ answer, chunksSent, closed });
    };
    socket.setEncoding('utf8').on('data', (data: string) => (answer += data));
    socket.on('error', () => {
      finish(true); // a reset while still sending: the server closed on us
    });
    socket.on('close', () => {
      finish(true);
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (answer !== '' || chunksSent >= maxChunks || socket.destroyed) return;
        socket.write(chunk);
        chunksSent++;
      }, 5);
    });
  });
}

const JSON_POST = 'POST /__mock/threads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';

describe('request bodies', () => {
  it('answers 413 as soon as Content-Length is over 1 MB, before any of the body, and closes', async () => {
    const result = await upload(`${JSON_POST}Content-Length: 40000000\r\n\r\n`, 'a'.repeat(64 * 1024), 600);
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.answer).toContain('\r\nConnection: close\r\n');
    expect(result.answer.endsWith('{"detail":"Payload Too Large"}')).toBe(true);
    expect(result.chunksSent).toBeLessThan(16); // 40 MB would be 600 chunks
    expect(result.closed).toBe(true);
  });

  it('answers 413 once a chunked body passes 1 MB, without reading the rest, and closes', async () => {
    const chunk = `10000\r\n${'a'.repeat(0x10000)}\r\n`; // 64 KiB per chunk
    const result = await upload(`${JSON_POST}Transfer-Encoding: chunked\r\n\r\n`, chunk, 600);
    expect(result.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(result.chunksSent).toBeGreaterThanOrEqual(16);
    expect(result.chunksSent).toBeLessThan(100);
    expect(result.closed).toBe(true);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('answers a write sent as %s with 415 naming application/json', async (_name, headers) => {
    const response = await fetch(`${server.url}/__mock/threads`, { method: 'POST', headers, body: '{}' });
    expect(response.status).toBe(415);
    const { detail } = (await response.json()) as { detail: string };
    expect(detail).toContain('application/json');
    expect(detail).toContain(headers['content-type']);
  });

  it('answers a body that does not parse with 400, and stores nothing', async () => {
    const before = (await (await fetch(`${server.url}/__mock/threads`)).json()) as unknown[];
    const response = await fetch(`${server.url}/__mock/threads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"thread_id": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: 'Request body is not valid JSON' });
    expect(await (await fetch(`${server.url}/__mock/threads`)).json()).toEqual(before);
  });

  it('reads an empty JSON body as {}, and a write without a body as no body', async () => {
    const empty = await fetch(`${server.url}/__mock/threads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(201);
    const reset = await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
  });
});
