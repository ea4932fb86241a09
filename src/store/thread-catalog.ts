import type { ThreadPlan } from './thread-plan.js';

/** The span of a thread's seeded runs' `created_at`, in microseconds, both ends included. */
export interface ThreadTimeline {
  readonly oldestMicros: number;
  readonly newestMicros: number;
}

/**
 * Threads described on demand: how many, the plan of any one, and the way back from an id to its
 * position. What a store is seeded with; a million random threads cost nothing until one is asked for.
 */
export interface LazyThreads {
  readonly count: number;
  /** The plan of thread `n` (0-based), built afresh on each call. */
  planAt(n: number): ThreadPlan;
  /** The position of the thread with this lower-case id, if there is one. */
  ordinalOf(threadId: string): number | undefined;
  /** Bounds of thread `n`'s seeded `created_at`, undefined for a thread without seeded runs; cheap. */
  timelineAt(n: number): ThreadTimeline | undefined;
}

/**
 * The seeded threads of a store, in order: plans given up front (scenario or fixture threads) followed
 * by threads described on demand. A thread's ordinal is its position here.
 */
export class ThreadCatalog {
  readonly #fixed: readonly ThreadPlan[];
  readonly #fixedByThreadId: ReadonlyMap<string, number>;
  readonly #lazy: LazyThreads | undefined;
  readonly #hasSeededRuns: boolean;

  constructor(fixed: readonly ThreadPlan[], lazy?: LazyThreads) {
    this.#fixed = fixed;
    this.#hasSeededRuns = fixed.some((plan) => plan.runCount > 0) || (lazy?.count ?? 0) > 0;
    this.#fixedByThreadId = new Map(fixed.map((plan, ordinal) => [plan.threadId, ordinal]));
    this.#lazy = lazy;
  }

  /** False when no thread has seeded runs (a fixture store): no seeded run id can clash with a write. */
  get hasSeededRuns(): boolean {
    return this.#hasSeededRuns;
  }

  /** How many threads there are. */
  get size(): number {
    return this.#fixed.length + (this.#lazy?.count ?? 0);
  }

  /** The plan of the thread at `ordinal`. */
  planAt(ordinal: number): ThreadPlan {
    const fixed = this.#fixed[ordinal];
    if (fixed !== undefined) return fixed;
    if (this.#lazy === undefined) throw new RangeError(`no thread at ${ordinal}`);
    return this.#lazy.planAt(ordinal - this.#fixed.length);
  }

  /** The ordinal of a lower-case thread id, or undefined for an id not in the catalog. */
  ordinalOf(threadId: string): number | undefined {
    const fixed = this.#fixedByThreadId.get(threadId);
    if (fixed !== undefined) return fixed;
    const n = this.#lazy?.ordinalOf(threadId);
    return n === undefined ? undefined : this.#fixed.length + n;
  }

  /** Bounds of the seeded `created_at` of the thread at `ordinal`; undefined when it has no seeded runs. */
  timelineAt(ordinal: number): ThreadTimeline | undefined {
    const fixed = this.#fixed[ordinal];
    if (fixed !== undefined) {
      if (fixed.runCount === 0) return undefined;
      return {
        oldestMicros: fixed.lastCreatedMicros - fixed.runCount * fixed.spacingMicros,
        newestMicros: fixed.lastCreatedMicros,
      };
    }
    return this.#lazy?.timelineAt(ordinal - this.#fixed.length);
  }
}
