import { Client } from '@langchain/langgraph-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const THREAD = '00000000-0000-4000-8000-000000000003';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = await startMockServer({ seed: 9 });
  client = new Client({ apiUrl: server.url });
});
afterAll(() => server.close());

describe('the official @langchain/langgraph-sdk client', () => {
  it.each([
    ['no options', {}, ''],
    ['limit and offset', { limit: 4, offset: 3 }, '?limit=4&offset=3'],
    ['a status filter', { status: 'error' as const, limit: 50 }, '?status=error&limit=50'],
    [
      'a selection',
      { select: ['status' as const, 'run_id' as const], limit: 5 },
      '?select=status&select=run_id&limit=5',
    ],
    [
      'everything at once',
      { limit: 2, offset: 1, status: 'pending' as const, select: ['run_id' as const, 'created_at' as const] },
      '?limit=2&offset=1&status=pending&select=run_id&select=created_at',
    ],
  ])('gets exactly what raw HTTP returns, with %s', async (_name, options, query) => {
    const viaSdk = await client.runs.list(THREAD, options);
    const raw = await server.request(`/threads/${THREAD}/runs${query}`);
    expect(raw.status).toBe(200);
    expect(viaSdk).toEqual(raw.body);
    expect((viaSdk as unknown[]).length).toBeGreaterThan(0);
  });

  it('surfaces the 404 of an unknown thread as an error carrying the status', async () => {
    await expect(client.runs.list('00000000-0000-4000-8000-0000000000ff')).rejects.toMatchObject({
      status: 404,
    });
  });
});
