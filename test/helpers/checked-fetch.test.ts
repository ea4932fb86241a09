import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedFetch } from './checked-fetch.js';

const RUN = {
  run_id: '019e830d-9da0-703d-b848-3a4ab9321270',
  thread_id: '00000000-0000-4000-8000-000000000003',
  assistant_id: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca',
  created_at: '2026-06-01T11:59:28.160015+00:00',
  updated_at: '2026-06-01T11:59:28.160015+00:00',
  status: 'pending',
  metadata: {},
  kwargs: {},
  multitask_strategy: 'enqueue',
};

/** Canned answers by path: content type and body. */
const ANSWERS: Record<string, { type: string; body: string }> = {
  '/threads/a/runs': { type: 'application/json', body: JSON.stringify([RUN]) },
  '/threads/bad-timestamp/runs': {
    type: 'application/json',
    body: JSON.stringify([{ ...RUN, created_at: '2026-06-01 11:59:28' }]),
  },
  // HTTP allows the empty parameter; Ajv's check accepts it, Prism's media-type parser does not.
  '/threads/trailing-semicolon/runs': { type: 'application/json;', body: JSON.stringify([RUN]) },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = ANSWERS[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(answer === undefined ? 404 : 200, {
      'content-type': answer?.type ?? 'application/json',
    });
    response.end(answer?.body ?? '{"detail":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    ),
);

describe('checkedFetch', () => {
  it('passes a response that both validators accept', async () => {
    const response = await checkedFetch(`${base}/threads/a/runs`);
    expect(response.body).toEqual([RUN]);
  });

  it('fails the test on a contract violation that Ajv finds', async () => {
    await expect(checkedFetch(`${base}/threads/bad-timestamp/runs`)).rejects.toThrow(/contract violations/);
  });

  it('fails the test when Prism alone rejects a response', async () => {
    await expect(checkedFetch(`${base}/threads/trailing-semicolon/runs`)).rejects.toThrow(
      /Prism cross-check/,
    );
  });
});
