import type { ThreadSummary } from '../store/run-store.js';

/** A thread as the control API writes it: snake_case, like the Agent Server's API. */
export interface ThreadWire {
  readonly thread_id: string;
  readonly scenario: string | null;
  readonly run_count: number;
  readonly status_counts: Readonly<Record<string, number>>;
}

/** A thread summary in the control API's wire form. */
export function threadWire(thread: ThreadSummary): ThreadWire {
  return {
    thread_id: thread.threadId,
    scenario: thread.scenario ?? null,
    run_count: thread.runCount,
    status_counts: thread.statusCounts,
  };
}
