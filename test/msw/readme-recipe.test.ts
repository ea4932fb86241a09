// The README's "Using it from a frontend" Vitest + msw/node recipe, as a test: if this breaks, so does
// the recipe.
import { Client } from '@langchain/langgraph-sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/msw/create-handlers.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';

const server = setupServer(...createHandlers({ seed: 7 })); // answers under http://127.0.0.1:2024
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(async () => {
  await fetch('http://127.0.0.1:2024/__mock/reset', { method: 'POST' }); // each test starts seeded
});
afterAll(() => {
  server.close();
});

describe('the README recipe: the SDK against MSW handlers', () => {
  it('lists runs through the official client, with no server running', async () => {
    const client = new Client({ apiUrl: 'http://127.0.0.1:2024', callerOptions: { maxRetries: 0 } });
    const runs = await client.runs.list(ALL_STATUSES, { status: 'error', limit: 5 });
    expect(runs).toHaveLength(5);
    expect(runs.every((run) => run.status === 'error')).toBe(true);
  });

  it('sees control API writes at once', async () => {
    const created = await fetch('http://127.0.0.1:2024/__mock/threads', { method: 'POST' });
    const { thread_id: threadId } = (await created.json()) as { thread_id: string };
    await fetch(`http://127.0.0.1:2024/__mock/threads/${threadId}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ status: 'error' }, { status: 'pending' }]),
    });
    const client = new Client({ apiUrl: 'http://127.0.0.1:2024', callerOptions: { maxRetries: 0 } });
    expect((await client.runs.list(threadId)).map((run) => run.status)).toEqual(['pending', 'error']);
  });

  it('hands a forced 500 to the UI at once with maxRetries: 0', async () => {
    const client = new Client({
      apiUrl: 'http://127.0.0.1:2024',
      callerOptions: { maxRetries: 0 },
      defaultHeaders: { prefer: 'code=500' },
    });
    const started = performance.now();
    await expect(client.runs.list(ALL_STATUSES)).rejects.toThrow(/500/);
    expect(performance.now() - started).toBeLessThan(2000); // the SDK's default retries take ~26 s
  });
});
