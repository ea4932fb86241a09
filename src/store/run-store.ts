import { ConflictError, NotFoundError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { isUuidVersion7 } from '../openapi/uuid-format.js';
import { createdAtMicros, draftRun, generateRun, type RunGenerationContext } from './generate-run.js';
import { formatTimestamp } from './format-timestamp.js';
import { parseMicros } from './parse-micros.js';
import { createRandom, hash32 } from './random.js';
import type { Run } from './run.js';
import { RUNNING_STATUS } from './run-lifecycle.js';
import { SEED_STREAMS } from './seed-streams.js';
import { buildStatusColumn, type StatusColumn } from './status-column.js';
import { ThreadRuns, type ExplicitRun } from './thread-runs.js';
import { lowerBound } from './sorted-numbers.js';
import { ThreadCatalog } from './thread-catalog.js';
import type { ThreadPlan } from './thread-plan.js';
import { uuid4, uuid7Millis } from './uuid.js';

/** One page of one thread's runs, newest first. */
export interface RunPageRequest {
  /** The thread id as the client sent it (any case); quoted as sent in the 404 detail. */
  readonly threadId: string;
  readonly limit: number;
  readonly offset: number;
  /** Only runs with this status; paging applies to the filtered list. */
  readonly status?: string | undefined;
}

/** A thread as the CLI, the control API and the docs list it. */
export interface ThreadSummary {
  readonly threadId: string;
  readonly scenario: string | undefined;
  readonly runCount: number;
  readonly statusCounts: Readonly<Record<string, number>>;
}

/** The store's sense of "now", in microseconds since the epoch. */
export type Clock = () => number;

/** Options of a `RunStore`. */
export interface RunStoreOptions {
  /** How many generated runs to keep; a page is rebuilt from the seed when it falls out. */
  readonly cacheSize?: number;
  /**
   * "Now" for writes. Default: the dataset's anchor, advancing with the wall clock from the moment the
   * store is created, so new runs are always the newest and a fixed-anchor dataset stays coherent.
   */
  readonly clock?: Clock;
  /**
   * Runs given as data rather than generated (a fixture file), by thread id: added at start and again
   * on every `reset()`. Each must be valid and belong to a thread among the plans.
   */
  readonly initialRuns?: ReadonlyMap<string, readonly Run[]>;
}

/**
 * The in-memory store of threads and their runs. Seeded runs are not materialised: run *i* of a thread is
 * generated on demand from the thread's plan (a pure function of seed, thread and position) and kept in a
 * small cache, and per-thread status indexes are built on first use, so a page costs O(limit) and memory
 * stays at a few bytes per run whatever the dataset's size. Writes (the control API, the live lifecycle,
 * fixtures) go to a per-thread overlay that List Runs merges in order.
 *
 * @example
 * const store = createSeededStore({ seed: 7 });
 * const page = store.listRuns({ threadId: SCENARIO_ID, limit: 10, offset: 0 });
 */
export class RunStore {
  readonly #catalog: ThreadCatalog;
  /** Threads looked at or written since the last reset (catalog ones built on demand), and created ones. */
  readonly #threads = new Map<string, ThreadRuns>();
  /** Catalog threads deleted since the last reset, by ordinal. */
  readonly #deleted = new Set<number>();
  /** Ids of the threads created since the last reset, in creation order. */
  #created: string[] = [];
  /** Per catalog ordinal: oldest and newest seeded `created_at` (NaN until computed), for id checks. */
  #timelines: Float64Array | undefined;
  readonly #columns = new Map<number, StatusColumn>();
  readonly #cache = new Map<string, Run>();
  readonly #cacheSize: number;
  #bypassCache = false;
  readonly #context: RunGenerationContext;
  readonly #clock: Clock;
  readonly #initialRuns: ReadonlyMap<string, readonly Run[]>;
  /** The initial runs as first loaded, per thread: a reset restores them without parsing or sorting. */
  #initialEntries: ReadonlyMap<string, readonly ExplicitRun[]> | undefined;
  /** Explicit runs' lower-case ids → their thread's id: run ids are unique across the whole store. */
  readonly #explicitRunThreads = new Map<string, string>();
  #drafts = 0;
  #revision = 0;
  #createdThreads = 0;
  #threadIdDraws = 0;
  /** The last instant `draftRun` handed out, so runs drafted one after another never share one. */
  #lastStamp = Number.NEGATIVE_INFINITY;

  constructor(
    threads: readonly ThreadPlan[] | ThreadCatalog,
    context: RunGenerationContext,
    options: RunStoreOptions = {},
  ) {
    this.#catalog = threads instanceof ThreadCatalog ? threads : new ThreadCatalog(threads);
    this.#context = context;
    this.#cacheSize = options.cacheSize ?? 10_000;
    // `performance.now()` counts fractions of a millisecond: the mock's clock ticks in microseconds, as
    // the Agent Server's timestamps do, rather than in `Date.now()`'s whole milliseconds.
    const startedAt = performance.now();
    this.#clock =
      options.clock ?? (() => context.anchorMicros + Math.floor((performance.now() - startedAt) * 1000));
    this.#initialRuns = options.initialRuns ?? new Map();
    this.reset();
  }

  /**
   * Counts the changes to threads and runs (every write moves it on, before it changes anything): what
   * is read at one revision reads the same until it moves.
   */
  get revision(): number {
    return this.#revision;
  }

  /** The runs of one page, newest first (`created_at` descending, then `run_id` descending). */
  listRuns(request: RunPageRequest): readonly Run[] {
    return this.#thread(request.threadId).page(request.offset, request.limit, request.status);
  }

  /**
   * A page read without keeping its generated runs in the cache: for long scans (a streamed page of a
   * million runs) that would otherwise evict every recently served run and fill the heap with runs read
   * once. Runs already cached are still served from it.
   */
  listRunsUncached(request: RunPageRequest): readonly Run[] {
    this.#bypassCache = true;
    try {
      return this.listRuns(request);
    } finally {
      this.#bypassCache = false;
    }
  }

  /** How many runs a thread has (with `status`, if given). */
  countRuns(threadId: string, status?: string): number {
    return this.#thread(threadId).count(status);
  }

  /**
   * Every thread (or the first `limit`), scenario threads first, then random ones, then those created
   * since. Random threads are described as they are listed: a million of them cost nothing until then.
   */
  threads(limit = Number.POSITIVE_INFINITY): readonly ThreadSummary[] {
    const summaries: ThreadSummary[] = [];
    for (let ordinal = 0; ordinal < this.#catalog.size && summaries.length < limit; ordinal++) {
      if (this.#deleted.has(ordinal)) continue;
      const plan = this.#catalog.planAt(ordinal);
      summaries.push(this.#summary(this.#threads.get(plan.threadId) ?? this.#threadFor(plan)));
    }
    for (const threadId of this.#created) {
      if (summaries.length >= limit) break;
      summaries.push(this.#summary(this.#thread(threadId)));
    }
    return summaries;
  }

  /** How many threads there are, without describing any. */
  threadCount(): number {
    return this.#catalog.size - this.#deleted.size + this.#created.length;
  }

  /** One thread's summary; throws `NotFoundError` for an unknown thread. */
  thread(threadId: string): ThreadSummary {
    return this.#summary(this.#thread(threadId));
  }

  /** One run; throws `NotFoundError` when the thread or the run does not exist. */
  getRun(threadId: string, runId: string): Run {
    const run = this.#thread(threadId).find(runId.toLowerCase());
    if (run === undefined) throw new NotFoundError(`Run with ID ${runId} not found in thread ${threadId}`);
    return run;
  }

  /**
   * Creates an empty thread, with `threadId` (`ConflictError` if it exists) or a new random id, drawn
   * again until it is free: a thread created earlier with an explicit id never makes this fail.
   */
  createThread(threadId?: string): ThreadSummary {
    this.#revision++;
    let id = threadId?.toLowerCase();
    if (id === undefined) {
      do id = uuid4(createRandom(hash32(SEED_STREAMS.createdThreadId, this.#threadIdDraws++)));
      while (this.#exists(id));
    } else if (this.#exists(id)) {
      throw new ConflictError(`Thread with ID ${id} already exists`);
    }
    this.#createdThreads++;
    const plan: ThreadPlan = {
      ordinal: this.#catalog.size + this.#createdThreads,
      threadId: id,
      scenario: undefined,
      salt: hash32(SEED_STREAMS.createdThreadId, this.#createdThreads, SEED_STREAMS.createdThreadPlan),
      runCount: 0,
      statusCounts: {},
      spacingMicros: 1,
      lastCreatedMicros: this.now(),
      assistants: this.#catalog.size > 0 ? this.#catalog.planAt(0).assistants : [],
    };
    const thread = this.#threadFor(plan);
    this.#threads.set(id, thread);
    this.#created.push(id);
    return this.#summary(thread);
  }

  /** Deletes a thread and its runs; `NotFoundError` if there is none. */
  deleteThread(threadId: string): void {
    this.#revision++;
    const thread = this.#thread(threadId);
    for (const runId of thread.explicitRunIds()) this.#explicitRunThreads.delete(runId);
    const id = thread.plan.threadId;
    this.#threads.delete(id);
    if (thread.plan.ordinal < this.#catalog.size) this.#deleted.add(thread.plan.ordinal);
    else this.#created = this.#created.filter((created) => created !== id);
  }

  /**
   * A complete new run for a thread, status pending: the base a partial run is merged onto. Created at
   * `createdMicros`, or else now, and always at least 1 µs after the run drafted before it, so runs
   * drafted in a row (one batch) keep their order. Nothing is stored until `addRuns`.
   */
  draftRun(threadId: string, createdMicros?: number): Run {
    const thread = this.#thread(threadId);
    let created = createdMicros;
    if (created === undefined) {
      created = Math.max(this.now(), this.#lastStamp + 1);
      this.#lastStamp = created;
    }
    return draftRun(thread.plan, this.#drafts++, created, this.#context);
  }

  /** Stores one complete run; see `addRuns`. */
  addRun(threadId: string, run: Run): Run {
    this.#revision++;
    this.addRuns(threadId, [run]);
    return run;
  }

  /**
   * Stores complete runs (already through the run validator) in one thread, all or none: every check
   * runs before the first run is stored. Keeps the invariants the real server keeps: the path's thread,
   * run ids new across the whole store and distinct within the batch, at most one running run per
   * thread. A `ConflictError` names only runs that are stored, or positions in the batch.
   */
  addRuns(threadId: string, runs: readonly Run[]): readonly Run[] {
    this.#revision++;
    const thread = this.#thread(threadId);
    const batchIds = new Map<string, number>();
    let runningAt: number | undefined;
    this.#assertNewRunIds(runs.map((run) => run.run_id.toLowerCase()));
    runs.forEach((run, i) => {
      if (run.thread_id.toLowerCase() !== thread.plan.threadId) {
        throw new ConflictError(`runs[${i}]: thread_id ${run.thread_id} is not the thread ${threadId}`);
      }
      const runId = run.run_id.toLowerCase();
      const twin = batchIds.get(runId);
      if (twin !== undefined) throw new ConflictError(`runs[${i}].run_id repeats runs[${twin}].run_id`);
      batchIds.set(runId, i);
      // Stored timestamps are normalised (UTC, six digits), so their text sorts as their instants do.
      if (run.updated_at < run.created_at) {
        throw new ConflictError(`runs[${i}]: updated_at is before created_at`);
      }
      if (run.status === RUNNING_STATUS) {
        if (runningAt !== undefined) {
          throw new ConflictError(
            `runs[${runningAt}] and runs[${i}] are both ${RUNNING_STATUS}: a thread runs one run at a time`,
          );
        }
        runningAt = i;
        this.#assertNoOtherRunning(thread, runId);
      }
    });
    thread.addAll(runs);
    for (const run of runs) this.#explicitRunThreads.set(run.run_id.toLowerCase(), thread.plan.threadId);
    return runs;
  }

  /** Sets a run's status; its `updated_at` moves forward to now. */
  setRunStatus(threadId: string, runId: string, status: string): Run {
    this.#revision++;
    const thread = this.#thread(threadId);
    const run = this.getRun(threadId, runId);
    if (status === RUNNING_STATUS) this.#assertNoOtherRunning(thread, run.run_id);
    const changed: Run = { ...run, status, updated_at: this.#laterThan(run.updated_at) };
    thread.remove(run.run_id);
    thread.addAll([changed]);
    this.#explicitRunThreads.set(changed.run_id, thread.plan.threadId);
    return changed;
  }

  /** Deletes one run; `NotFoundError` if the thread or the run does not exist. */
  deleteRun(threadId: string, runId: string): void {
    this.#revision++;
    if (!this.#thread(threadId).remove(runId.toLowerCase())) {
      throw new NotFoundError(`Run with ID ${runId} not found in thread ${threadId}`);
    }
    this.#explicitRunThreads.delete(runId.toLowerCase());
  }

  /** Back to the seeded state: created threads and every write are dropped. */
  reset(): void {
    this.#revision++;
    this.#threads.clear();
    this.#deleted.clear();
    this.#created = [];
    this.#explicitRunThreads.clear();
    if (this.#initialEntries === undefined) {
      for (const [threadId, runs] of this.#initialRuns) this.addRuns(threadId, runs);
      this.#initialEntries = new Map(
        [...this.#initialRuns.keys()].map((threadId) => [threadId, this.#thread(threadId).snapshot()]),
      );
    } else {
      for (const [threadId, entries] of this.#initialEntries) {
        const thread = this.#thread(threadId);
        thread.restore(entries);
        for (const { run } of entries) this.#explicitRunThreads.set(run.run_id, thread.plan.threadId);
      }
    }
    this.#createdThreads = 0;
    this.#threadIdDraws = 0;
    this.#drafts = 0;
  }

  /** The store's current time, in microseconds since the epoch. */
  now(): number {
    return Math.floor(this.#clock());
  }

  /**
   * `updated_at` for a change: now, or 1 µs after `updatedAt` when that is not in the past. A run dated
   * where microseconds are no longer exact (past 2255, up to 9999-12-31T23:59:59.999999) keeps its
   * `updated_at`: moving it could not be exact, and at the very end there is no later instant to write.
   */
  #laterThan(updatedAt: string): string {
    const previous = parseMicros(updatedAt);
    const now = this.now();
    if (previous < now) return formatTimestamp(now);
    return Number.isSafeInteger(previous + 1) ? formatTimestamp(previous + 1) : updatedAt;
  }

  #thread(threadId: string): ThreadRuns {
    const id = threadId.toLowerCase();
    let thread = this.#threads.get(id);
    if (thread === undefined) {
      const ordinal = this.#catalog.ordinalOf(id);
      if (ordinal === undefined || this.#deleted.has(ordinal)) {
        throw new NotFoundError(`Thread with ID ${threadId} not found`);
      }
      thread = this.#threadFor(this.#catalog.planAt(ordinal));
      this.#threads.set(id, thread);
    }
    return thread;
  }

  #exists(threadId: string): boolean {
    if (this.#threads.has(threadId)) return true;
    const ordinal = this.#catalog.ordinalOf(threadId);
    return ordinal !== undefined && !this.#deleted.has(ordinal);
  }

  #summary(thread: ThreadRuns): ThreadSummary {
    return {
      threadId: thread.plan.threadId,
      scenario: thread.plan.scenario,
      runCount: thread.count(),
      statusCounts: thread.statusCounts(getListRunsContract().runStatuses),
    };
  }

  /**
   * `ConflictError` when any of `runIds` (lower case) is already stored, in any thread: among written
   * runs by the index, among seeded ones by a pass over the threads whose timeline spans the id's
   * millisecond (a seeded run id is a UUIDv7 of its `created_at`), O(threads + hits · log runs).
   */
  #assertNewRunIds(runIds: readonly string[]): void {
    for (const runId of runIds) {
      const owner = this.#explicitRunThreads.get(runId);
      if (owner !== undefined)
        throw new ConflictError(`Run with ID ${runId} already exists in thread ${owner}`);
    }
    if (!this.#catalog.hasSeededRuns) return;
    const candidates = runIds
      .filter(isUuidVersion7)
      .map((runId) => ({ runId, millis: uuid7Millis(runId) }))
      .sort((a, b) => a.millis - b.millis);
    if (candidates.length === 0) return;
    const millis = candidates.map((candidate) => candidate.millis);
    for (let ordinal = 0; ordinal < this.#catalog.size; ordinal++) {
      if (this.#deleted.has(ordinal)) continue;
      const [oldest, newest] = this.#timeline(ordinal);
      if (Number.isNaN(oldest)) continue;
      const last = Math.floor(newest / 1000);
      for (let at = lowerBound(millis, Math.floor(oldest / 1000)); (millis[at] ?? Infinity) <= last; at++) {
        const plan = this.#catalog.planAt(ordinal);
        const thread = this.#threads.get(plan.threadId) ?? this.#threadFor(plan);
        const runId = candidates[at]?.runId ?? '';
        if (thread.hasSeeded(runId)) {
          throw new ConflictError(`Run with ID ${runId} already exists in thread ${plan.threadId}`);
        }
      }
    }
  }

  /** Oldest and newest seeded `created_at` of a catalog thread (NaN, NaN without seeded runs), cached. */
  #timeline(ordinal: number): readonly [number, number] {
    this.#timelines ??= new Float64Array(this.#catalog.size * 2).fill(Number.NaN);
    if (Number.isNaN(this.#timelines[ordinal * 2 + 1])) {
      const timeline = this.#catalog.timelineAt(ordinal);
      this.#timelines[ordinal * 2] = timeline?.oldestMicros ?? Number.NaN;
      this.#timelines[ordinal * 2 + 1] = timeline?.newestMicros ?? Number.POSITIVE_INFINITY;
    }
    return [this.#timelines[ordinal * 2] ?? Number.NaN, this.#timelines[ordinal * 2 + 1] ?? Number.NaN];
  }

  #assertNoOtherRunning(thread: ThreadRuns, runId: string): void {
    const running = thread.page(0, 2, RUNNING_STATUS).find((other) => other.run_id !== runId);
    if (running !== undefined) {
      throw new ConflictError(`Thread ${thread.plan.threadId} already has a running run (${running.run_id})`);
    }
  }

  #threadFor(plan: ThreadPlan): ThreadRuns {
    return new ThreadRuns({
      plan,
      column: () => this.#column(plan),
      runAt: (index) => this.#run(plan, index),
      createdMicrosAt: (index) => createdAtMicros(plan, index),
    });
  }

  #column(plan: ThreadPlan): StatusColumn {
    let column = this.#columns.get(plan.ordinal);
    if (column === undefined) {
      const random = createRandom(hash32(plan.salt, SEED_STREAMS.statusLayout));
      column = buildStatusColumn(plan.statusCounts, getListRunsContract().runStatuses, random);
      this.#columns.set(plan.ordinal, column);
    }
    return column;
  }

  #run(plan: ThreadPlan, index: number): Run {
    const key = `${plan.ordinal}:${index}`;
    let run = this.#cache.get(key);
    if (run === undefined) {
      run = generateRun(plan, index, this.#column(plan).statusAt(index), this.#context);
      if (this.#cacheSize === 0 || this.#bypassCache) return run;
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
