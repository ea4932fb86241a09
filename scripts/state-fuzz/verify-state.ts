import { send, expectSameJson, expectStatus, type StateReal } from './state-client.js';
import type { StateModel } from './state-model.js';

/** More runs than any sequence stores: one page is the whole thread. */
const WHOLE_THREAD = 1_000_000;

/**
 * After a write, the mock must match the model: every thread's summary (ids, order, counts by status),
 * and the written thread's whole run list, byte for byte. A write that failed must have left no trace.
 */
export async function verifyState(
  model: StateModel,
  real: StateReal,
  threadId: string | undefined,
): Promise<void> {
  const threads = await send(real, 'GET', '/__mock/threads');
  expectStatus(threads, [200], 'GET /__mock/threads');
  expectSameJson(threads.json, model.summaries(), 'thread summaries after the write');
  if (threadId === undefined || !model.threads.has(threadId)) return;
  const path = `/threads/${threadId}/runs?limit=${WHOLE_THREAD}`;
  const page = await send(real, 'GET', path);
  expectStatus(page, [200], `GET ${path}`);
  expectSameJson(
    page.json,
    model.listRuns(threadId, { limit: WHOLE_THREAD, offset: 0, status: undefined, select: undefined }),
    `every run of thread ${threadId} after the write`,
  );
}
