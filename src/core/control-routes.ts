import { ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import type { Run } from '../store/run.js';
import type { RunStore, ThreadSummary } from '../store/run-store.js';
import { parseMicros } from '../store/thread-runs.js';
import { isUuid } from '../store/uuid.js';
import { RouteTable } from './route-table.js';

/** Where the control API lives; List Runs never uses this prefix. */
export const CONTROL_PREFIX = '/__mock';

/**
 * The scenario control API: inspect and change the store while the mock runs (JSON in, JSON out, 4xx
 * `{"detail"}` on bad input). Every change shows in List Runs at once.
 */
export function createControlRouter(store: RunStore, lifecycle: LiveLifecycle | undefined): RouteTable {
  const router = new RouteTable();

  router.get('/threads', (_request, response) => {
    response.json(store.threads().map(toWire));
  });

  router.post('/threads', (request, response) => {
    const body: unknown = request.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationError('Body must be a JSON object, e.g. {"thread_id": "…"} or {}');
    }
    const threadId = (body as { thread_id?: unknown }).thread_id;
    if (threadId !== undefined && (typeof threadId !== 'string' || !isUuid(threadId))) {
      throw new ValidationError('thread_id: must be a UUID');
    }
    response.status(201).json(toWire(store.createThread(threadId)));
  });

  router.get('/threads/:threadId', (request, response) => {
    response.json(toWire(store.thread(request.params.threadId)));
  });

  router.delete('/threads/:threadId', (request, response) => {
    store.deleteThread(request.params.threadId);
    response.status(204).end();
  });

  router.post('/threads/:threadId/runs', async (request, response) => {
    // Loaded on first use: it compiles the Run schema with Ajv, which a plain start need not pay for.
    const { completeRun } = await import('../control/complete-run.js');
    const { threadId } = request.params;
    const body: unknown = request.body;
    const partials: unknown[] = Array.isArray(body) ? body : [body];
    // Validate the whole batch before storing any of it, so a bad run leaves the thread untouched.
    const runs = partials.map((partial, i) =>
      completeRun(
        store.draftRun(threadId, givenCreatedMicros(partial)),
        withThread(partial, threadId),
        `runs[${i}]`,
      ),
    );
    assertDistinctIds(runs);
    const added: Run[] = [];
    try {
      for (const run of runs) added.push(store.addRun(threadId, run));
    } catch (error) {
      for (const run of added) store.deleteRun(threadId, run.run_id);
      throw error;
    }
    for (const run of added) lifecycle?.track(threadId, run.run_id);
    response.status(201).json(Array.isArray(body) ? added : added[0]);
  });

  router.get('/threads/:threadId/runs/:runId', (request, response) => {
    response.json(store.getRun(request.params.threadId, request.params.runId));
  });

  router.patch('/threads/:threadId/runs/:runId', (request, response) => {
    const status = (request.body as { status?: unknown } | undefined)?.status;
    const allowed = getListRunsContract().runStatuses;
    if (typeof status !== 'string' || !allowed.includes(status)) {
      throw new ValidationError(`status: must be one of ${allowed.join(', ')}`);
    }
    const { threadId, runId } = request.params;
    const run = store.setRunStatus(threadId, runId, status);
    lifecycle?.track(threadId, run.run_id);
    response.json(run);
  });

  router.delete('/threads/:threadId/runs/:runId', (request, response) => {
    store.deleteRun(request.params.threadId, request.params.runId);
    response.status(204).end();
  });

  router.post('/reset', (_request, response) => {
    store.reset();
    lifecycle?.trackAll();
    response.json({ threads: store.threads().length });
  });

  return router;
}

/** A thread summary as the control API writes it (snake_case, like the Agent Server's API). */
function toWire(thread: ThreadSummary): Record<string, unknown> {
  return {
    thread_id: thread.threadId,
    scenario: thread.scenario ?? null,
    run_count: thread.runCount,
    status_counts: thread.statusCounts,
  };
}

/** A partial run without `thread_id` belongs to the thread in the path. */
function withThread(partial: unknown, threadId: string): unknown {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial) || 'thread_id' in partial) {
    return partial;
  }
  return { ...partial, thread_id: threadId.toLowerCase() };
}

/** A valid `created_at` the caller gave, so the generated run id can embed that time. */
function givenCreatedMicros(partial: unknown): number | undefined {
  const createdAt = (partial as { created_at?: unknown } | null)?.created_at;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return undefined;
  return parseMicros(createdAt);
}

function assertDistinctIds(runs: readonly Run[]): void {
  const seen = new Set<string>();
  runs.forEach((run, i) => {
    if (seen.has(run.run_id.toLowerCase()))
      throw new ValidationError(`runs[${i}].run_id: repeats ${run.run_id}`);
    seen.add(run.run_id.toLowerCase());
  });
}
