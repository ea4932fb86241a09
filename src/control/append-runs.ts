import { ValidationError } from '../errors/domain-errors.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import { parseTimestamp } from '../store/parse-timestamp.js';
import type { Run } from '../store/run.js';
import type { RunStore } from '../store/run-store.js';
import { completeRun } from './complete-run.js';

/** The most runs one request may append; a larger batch is refused whole, before any work. */
export const MAX_BATCH_RUNS = 10_000;

/**
 * Appends one partial run (a JSON object) or a batch (an array of them) to a thread, all or nothing:
 * each is completed from a draft and validated (422 naming `runs[i]` and the field), their ids must be
 * distinct, then the store adds the batch atomically (409 naming the stored run it clashes with) and
 * the live lifecycle, if any, queues it. Runs without a `created_at` are stamped in the order given,
 * each at least 1 µs after the one before, so List Runs, the live queue and the batch agree on order.
 *
 * @example
 * appendRuns(store, undefined, threadId, [{ status: 'error' }, { status: 'pending' }]);
 */
export function appendRuns(
  store: RunStore,
  lifecycle: LiveLifecycle | undefined,
  threadId: string,
  body: unknown,
): Run | readonly Run[] {
  const partials: readonly unknown[] = Array.isArray(body) ? body : [body];
  if (partials.length > MAX_BATCH_RUNS) {
    throw new ValidationError(
      `A batch holds at most ${MAX_BATCH_RUNS} runs; this one has ${partials.length}. Send it in parts.`,
    );
  }
  store.thread(threadId); // 404 for an unknown thread before any run is looked at
  const runs = partials.map((partial, i) =>
    completeRun(
      store.draftRun(threadId, givenCreatedMicros(partial)),
      withThread(partial, threadId),
      `runs[${i}]`,
    ),
  );
  assertDistinctIds(runs);
  store.addRuns(threadId, runs);
  lifecycle?.trackRuns(
    threadId,
    runs.map((run) => run.run_id),
  );
  return Array.isArray(body) ? runs : (runs[0] as Run);
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
  if (typeof createdAt !== 'string') return undefined;
  const parsed = parseTimestamp(createdAt);
  return typeof parsed === 'string' ? undefined : parsed.micros;
}

function assertDistinctIds(runs: readonly Run[]): void {
  const seen = new Map<string, number>();
  runs.forEach((run, i) => {
    const first = seen.get(run.run_id);
    if (first !== undefined) {
      throw new ValidationError(`runs[${i}].run_id: repeats runs[${first}].run_id (${run.run_id})`);
    }
    seen.set(run.run_id, i);
  });
}
