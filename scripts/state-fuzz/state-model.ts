import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';

/** A run as the wire shows it: the spec's fields, snake_case. */
export type WireRun = Readonly<Record<string, unknown>>;

/** One thread of the model: its runs by lower-case id, in the order they were stored. */
export interface ModelThread {
  readonly threadId: string;
  readonly scenario: string | null;
  readonly runs: Map<string, WireRun>;
}

/** A List Runs read as the model answers it. */
export interface ModelQuery {
  readonly limit: number;
  readonly offset: number;
  readonly status: string | undefined;
  /** Fields asked for, in any order, maybe repeated; undefined for every field. */
  readonly select: readonly string[] | undefined;
}

/** A thread summary as `GET /__mock/threads` writes it. */
export interface ModelSummary {
  readonly thread_id: string;
  readonly scenario: string | null;
  readonly run_count: number;
  readonly status_counts: Record<string, number>;
}

/**
 * The plain model the state fuzz checks the mock against: threads in creation order, each a map of runs.
 * It knows nothing of the server's indexes, overlays or clocks; every List Runs answer is computed from
 * scratch by the rules the README states (newest first by `created_at`, ties by `run_id` descending; filter,
 * then page, then project). Values the server draws (ids, `created_at` "now") are learnt from its answers
 * after they have been checked.
 */
export class StateModel {
  readonly threads = new Map<string, ModelThread>();
  /** Every thread id and run id seen in this sequence, deleted ones too: hostile writes reuse them. */
  readonly seenThreadIds: string[] = [];
  readonly seenRunIds: string[] = [];
  /** The latest `created_at` the server's clock gave a run; the clock never goes back. */
  latestGeneratedCreatedAt = '';
  readonly #initial: readonly ModelThread[];
  readonly #anchor: string;

  constructor(initial: readonly ModelThread[]) {
    this.#initial = initial;
    this.#anchor = newestTimestamp(initial);
    this.reset();
  }

  /** A time the server's clock has passed: its start (the newest initial timestamp) or a later draw. */
  clockFloor(): string {
    return this.latestGeneratedCreatedAt > this.#anchor ? this.latestGeneratedCreatedAt : this.#anchor;
  }

  /** Back to the initial threads and runs, as `POST /__mock/reset` does. */
  reset(): void {
    this.threads.clear();
    for (const thread of this.#initial) {
      this.threads.set(thread.threadId, { ...thread, runs: new Map(thread.runs) });
      this.#see(this.seenThreadIds, thread.threadId);
      for (const runId of thread.runs.keys()) this.#see(this.seenRunIds, runId);
    }
  }

  /** The thread that holds `runId` (any case), if any. */
  ownerOf(runId: string): ModelThread | undefined {
    const id = runId.toLowerCase();
    for (const thread of this.threads.values()) if (thread.runs.has(id)) return thread;
    return undefined;
  }

  /** Adds a thread with no runs. */
  addThread(threadId: string): void {
    this.threads.set(threadId, { threadId, scenario: null, runs: new Map() });
    this.#see(this.seenThreadIds, threadId);
  }

  /** Stores runs (already checked) in a thread. */
  addRuns(threadId: string, runs: readonly WireRun[]): void {
    const thread = this.threads.get(threadId);
    if (thread === undefined) throw new Error(`model: no thread ${threadId}`);
    for (const run of runs) {
      const runId = String(run['run_id']);
      thread.runs.set(runId, run);
      this.#see(this.seenRunIds, runId);
    }
  }

  /** One page of a thread: filter by status, sort newest first, page, project. */
  listRuns(threadId: string, query: ModelQuery): WireRun[] {
    const thread = this.threads.get(threadId);
    if (thread === undefined) throw new Error(`model: no thread ${threadId}`);
    const filtered = [...thread.runs.values()].filter(
      (run) => query.status === undefined || run['status'] === query.status,
    );
    filtered.sort(newestFirst);
    return filtered.slice(query.offset, query.offset + query.limit).map((run) => project(run, query.select));
  }

  /** Every thread's summary, in the order the server lists them (creation order). */
  summaries(): ModelSummary[] {
    return [...this.threads.values()].map(summarise);
  }

  #see(list: string[], id: string): void {
    if (!list.includes(id)) list.push(id);
  }
}

function newestTimestamp(threads: readonly ModelThread[]): string {
  let newest = '';
  for (const thread of threads) {
    for (const run of thread.runs.values()) {
      for (const field of ['created_at', 'updated_at']) {
        const value = String(run[field]);
        if (value > newest) newest = value;
      }
    }
  }
  return newest;
}

/** The summary of one model thread. */
export function summarise(thread: ModelThread): ModelSummary {
  const counts = Object.fromEntries(getListRunsContract().runStatuses.map((status) => [status, 0]));
  for (const run of thread.runs.values())
    counts[String(run['status'])] = (counts[String(run['status'])] ?? 0) + 1;
  return {
    thread_id: thread.threadId,
    scenario: thread.scenario,
    run_count: thread.runs.size,
    status_counts: counts,
  };
}

/**
 * Newest first. Timestamps in the server's format (fixed-width years, microseconds, `+00:00`) sort as
 * text exactly as in time, so the model needs no clock arithmetic.
 */
function newestFirst(a: WireRun, b: WireRun): number {
  const byTime = compareText(String(b['created_at']), String(a['created_at']));
  return byTime !== 0 ? byTime : compareText(String(b['run_id']), String(a['run_id']));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fields asked for, in the schema's order, each once. */
function project(run: WireRun, select: readonly string[] | undefined): WireRun {
  const fields = getListRunsContract().runFields.filter(
    (field) => select === undefined || select.includes(field),
  );
  return Object.fromEntries(fields.map((field) => [field, run[field]]));
}
