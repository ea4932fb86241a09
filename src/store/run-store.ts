import { NotFoundError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { generateRun, type RunGenerationContext } from './generate-run.js';
import { createRandom, hash32 } from './random.js';
import type { Run } from './run.js';
import { buildStatusColumn, type StatusColumn } from './status-column.js';
import type { ThreadPlan } from './thread-plan.js';

/** One page of one thread's runs, newest first. */
export interface RunPageRequest {
  /** The thread id as the client sent it (any case); quoted as sent in the 404 detail. */
  readonly threadId: string;
  readonly limit: number;
  readonly offset: number;
  /** Only runs with this status; paging applies to the filtered list. */
  readonly status?: string | undefined;
}

/** A thread as the CLI and the docs list it. */
export interface ThreadSummary {
  readonly threadId: string;
  readonly scenario: string | undefined;
  readonly runCount: number;
  readonly statusCounts: Readonly<Record<string, number>>;
}

/** Options of a `RunStore`. */
export interface RunStoreOptions {
  /** How many generated runs to keep; a page is rebuilt from the seed when it falls out. */
  readonly cacheSize?: number;
}

const STATUS_LAYOUT_SALT = 3;

/**
 * The in-memory store of threads and their runs. Runs are not materialised: run *i* of a thread is
 * generated on demand from the thread's plan (a pure function of seed, thread and position) and kept in a
 * small cache, and per-thread status indexes are built on first use, so a page costs O(limit) and memory
 * stays at a few bytes per run whatever the dataset's size.
 *
 * @example
 * const store = createSeededStore({ seed: 7 });
 * const page = store.listRuns({ threadId: SCENARIO_ID, limit: 10, offset: 0 });
 */
export class RunStore {
  readonly #threads = new Map<string, ThreadPlan>();
  readonly #columns = new Map<string, StatusColumn>();
  readonly #cache = new Map<string, Run>();
  readonly #cacheSize: number;
  readonly #context: RunGenerationContext;

  constructor(threads: readonly ThreadPlan[], context: RunGenerationContext, options: RunStoreOptions = {}) {
    for (const thread of threads) this.#threads.set(thread.threadId, thread);
    this.#context = context;
    this.#cacheSize = options.cacheSize ?? 10_000;
  }

  /** The runs of one page, newest first (`created_at` descending, then `run_id` descending). */
  listRuns(request: RunPageRequest): readonly Run[] {
    const plan = this.#threads.get(request.threadId.toLowerCase());
    if (plan === undefined) throw new NotFoundError(`Thread with ID ${request.threadId} not found`);
    const column = this.#column(plan);
    const filtered = request.status === undefined ? undefined : column.indexesOf(request.status);
    const total = filtered === undefined ? plan.runCount : filtered.length;
    const end = Math.min(total, request.offset + request.limit);
    const runs: Run[] = [];
    // Chronological index order is creation order, so newest-first position p is index total-1-p.
    for (let position = request.offset; position < end; position++) {
      const newestFirst = total - 1 - position;
      const index = filtered === undefined ? newestFirst : (filtered[newestFirst] ?? 0);
      runs.push(this.#run(plan, column, index));
    }
    return runs;
  }

  /** Every thread, scenario threads first, in dataset order. */
  threads(): readonly ThreadSummary[] {
    return [...this.#threads.values()].map((plan) => ({
      threadId: plan.threadId,
      scenario: plan.scenario,
      runCount: plan.runCount,
      statusCounts: plan.statusCounts,
    }));
  }

  #column(plan: ThreadPlan): StatusColumn {
    let column = this.#columns.get(plan.threadId);
    if (column === undefined) {
      const random = createRandom(hash32(plan.salt, STATUS_LAYOUT_SALT));
      column = buildStatusColumn(plan.statusCounts, getListRunsContract().runStatuses, random);
      this.#columns.set(plan.threadId, column);
    }
    return column;
  }

  #run(plan: ThreadPlan, column: StatusColumn, index: number): Run {
    const key = `${plan.ordinal}:${index}`;
    let run = this.#cache.get(key);
    if (run === undefined) {
      run = generateRun(plan, index, column.statusAt(index), this.#context);
      if (this.#cache.size >= this.#cacheSize) {
        const oldest = this.#cache.keys().next();
        if (oldest.done !== true) this.#cache.delete(oldest.value);
      }
    } else {
      this.#cache.delete(key); // re-inserted below: Map order doubles as recency order
    }
    this.#cache.set(key, run);
    return run;
  }
}
