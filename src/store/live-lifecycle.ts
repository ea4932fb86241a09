import type { Random } from './random.js';
import {
  ERROR_STATUS,
  isFinalStatus,
  PENDING_STATUS,
  RUNNING_STATUS,
  SUCCESS_STATUS,
} from './run-lifecycle.js';
import type { RunStore } from './run-store.js';
import { parseMicros } from './parse-micros.js';

/** How live runs move through the queue. */
export interface LiveLifecycleOptions {
  /** How long a pending run waits before it may start, in milliseconds (default 1000). */
  readonly queuedMs?: number;
  /** How long a run runs before it ends, in milliseconds (default 3000). */
  readonly runningMs?: number;
  /** Share of runs that end in `error` rather than `success` (default 0.1). */
  readonly errorRate?: number;
}

/**
 * Moves unfinished runs along as the Agent Server's queue does: per thread, one run at a time, oldest
 * first, pending → running → success (or error, at `errorRate`). Time is the store's clock, so a test
 * drives it with a fake clock and `tick()`; `start()` ticks on a timer for a live server.
 */
export class LiveLifecycle {
  readonly #store: RunStore;
  readonly #random: Random;
  readonly #queuedMicros: number;
  readonly #runningMicros: number;
  readonly #errorRate: number;
  /** Tracked runs per thread, oldest first (by `created_at`, then run id, as List Runs orders them). */
  readonly #queues = new Map<string, QueuedRun[]>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(store: RunStore, random: Random, options: LiveLifecycleOptions = {}) {
    this.#store = store;
    this.#random = random;
    this.#queuedMicros = (options.queuedMs ?? 1000) * 1000;
    this.#runningMicros = (options.runningMs ?? 3000) * 1000;
    this.#errorRate = options.errorRate ?? 0.1;
  }

  /** Follows a run until it finishes; a run that is already final is ignored. */
  track(threadId: string, runId: string): void {
    this.trackRuns(threadId, [runId]);
  }

  /**
   * Follows runs of one thread (a batch) until they finish: one sort for the whole batch, O(n log n),
   * where tracking them one by one re-sorted the queue per run. Final runs are ignored.
   */
  trackRuns(threadId: string, runIds: readonly string[]): void {
    const key = threadId.toLowerCase();
    const queue = this.#queues.get(key) ?? [];
    const queued = new Set(queue.map((entry) => entry.runId));
    for (const runId of runIds) {
      const run = this.#store.getRun(threadId, runId);
      if (isFinalStatus(run.status) || queued.has(run.run_id)) continue;
      queued.add(run.run_id);
      queue.push({
        runId: run.run_id,
        createdMicros: parseMicros(run.created_at),
        createdAt: run.created_at,
      });
    }
    queue.sort(oldestFirst);
    if (queue.length > 0) this.#queues.set(key, queue);
  }

  /** Follows every unfinished run of every thread, e.g. the seeded busy threads. */
  trackAll(): void {
    for (const thread of this.#store.threads()) {
      for (const status of [RUNNING_STATUS, PENDING_STATUS]) {
        const count = thread.statusCounts[status] ?? 0;
        if (count === 0) continue;
        const runs = this.#store.listRuns({ threadId: thread.threadId, status, offset: 0, limit: count });
        this.trackRuns(
          thread.threadId,
          runs.map((run) => run.run_id),
        );
      }
    }
  }

  /** Applies every transition that is due at the store's current time. */
  tick(): void {
    const now = this.#store.now();
    for (const [threadId, queue] of this.#queues) {
      const live = queue.filter((entry) => this.#isUnfinished(threadId, entry.runId));
      for (const { runId } of live) {
        const run = this.#store.getRun(threadId, runId);
        if (run.status === RUNNING_STATUS && now - parseMicros(run.updated_at) >= this.#runningMicros) {
          this.#store.setRunStatus(
            threadId,
            runId,
            this.#random.chance(this.#errorRate) ? ERROR_STATUS : SUCCESS_STATUS,
          );
        }
      }
      const waiting = live.filter((entry) => this.#isUnfinished(threadId, entry.runId));
      const next = waiting.find(
        (entry) => this.#store.getRun(threadId, entry.runId).status === PENDING_STATUS,
      );
      if (next !== undefined && this.#store.countRuns(threadId, RUNNING_STATUS) === 0) {
        if (now - next.createdMicros >= this.#queuedMicros)
          this.#store.setRunStatus(threadId, next.runId, RUNNING_STATUS);
      }
      if (waiting.length === 0) this.#queues.delete(threadId);
      else this.#queues.set(threadId, waiting);
    }
  }

  /** Ticks every `intervalMs` until `stop()`; the timer does not keep a Node process alive. */
  start(intervalMs = 100): void {
    this.stop();
    this.#timer = setInterval(() => {
      this.tick();
    }, intervalMs);
    // A browser's timers are plain numbers, with nothing to unref (the MSW handlers run there too).
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Stops ticking. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** How many runs are still being moved along (0 once every tracked run is final or deleted). */
  trackedRunCount(): number {
    return [...this.#queues.values()].reduce((sum, queue) => sum + queue.length, 0);
  }

  #isUnfinished(threadId: string, runId: string): boolean {
    try {
      return !isFinalStatus(this.#store.getRun(threadId, runId).status);
    } catch {
      return false; // deleted, or its thread was: nothing left to move
    }
  }
}

/** A run in a thread's queue, with the creation time it is ordered by. */
interface QueuedRun {
  readonly runId: string;
  readonly createdMicros: number;
  readonly createdAt: string;
}

function oldestFirst(a: QueuedRun, b: QueuedRun): number {
  if (a.createdMicros !== b.createdMicros) return a.createdMicros - b.createdMicros;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}
