import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { NotFoundError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { DEFAULT_DATASET_URL } from '../../src/fixtures/read-dataset-file.js';
import {
  loadDatasetDefinition,
  parseDatasetDefinition,
  type DatasetDefinition,
} from '../../src/store/dataset-definition.js';
import { PENDING_STATUS, RUNNING_STATUS, isFinalStatus } from '../../src/store/run-lifecycle.js';
import type { RunStore, ThreadSummary } from '../../src/store/run-store.js';
import type { Run } from '../../src/store/run.js';
import { isUuid } from '../../src/openapi/uuid-format.js';
import { AGENT_SERVER_GRAPH_NAMESPACE, uuid5, uuid7Millis } from '../../src/store/uuid.js';

const contract = getListRunsContract();
const dataset = loadDatasetDefinition();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;
const KWARGS_KEYS = [
  'input',
  'command',
  'config',
  'context',
  'stream_mode',
  'interrupt_before',
  'interrupt_after',
  'webhook',
  'feedback_keys',
  'temporary',
  'subgraphs',
  'resumable',
  'checkpoint_during',
  'durability',
];

function scenarioId(name: string): string {
  const scenario = dataset.scenarios.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`test: the shipped dataset has no '${name}' scenario`);
  return scenario.threadId;
}

const ALL_STATUSES = scenarioId('all-statuses');
const BUSY = scenarioId('busy');
const LONG = scenarioId('long');

function summary(store: RunStore, threadId: string): ThreadSummary {
  const found = store.threads().find((t) => t.threadId === threadId);
  if (found === undefined) throw new Error(`test: the store has no thread ${threadId}`);
  return found;
}

/** Every run of a thread (optionally of one status), newest first, in one page. */
function listAll(store: RunStore, threadId: string, status?: string): readonly Run[] {
  return store.listRuns({ threadId, limit: summary(store, threadId).runCount, offset: 0, status });
}

/** The pages of size `limit` walked by offset until an empty one, concatenated. */
function walkPages(store: RunStore, threadId: string, limit: number, status?: string): Run[] {
  const runs: Run[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = store.listRuns({ threadId, limit, offset, status });
    expect(page.length).toBeLessThanOrEqual(limit);
    if (page.length === 0) return runs;
    runs.push(...page);
  }
}

/** Newest first: `created_at` descending, then `run_id` descending. */
function comesBefore(a: Run, b: Run): boolean {
  return a.created_at > b.created_at || (a.created_at === b.created_at && a.run_id > b.run_id);
}

function expectNewestFirst(runs: readonly Run[]): void {
  runs.slice(1).forEach((run, i) => {
    const previous = runs[i];
    if (previous === undefined) throw new Error('unreachable');
    expect(comesBefore(previous, run), `${previous.run_id} before ${run.run_id}`).toBe(true);
  });
}

/** Microseconds since the epoch of a `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` timestamp. */
function micros(timestamp: string): number {
  return Date.parse(`${timestamp.slice(0, 23)}Z`) * 1000 + Number(timestamp.slice(23, 26));
}

function first(runs: readonly Run[]): Run {
  const run = runs[0];
  if (run === undefined) throw new Error('test: expected at least one run');
  return run;
}

describe('RunStore (createSeededStore)', () => {
  it('gives every run exactly the spec’s Run properties, in schema order', () => {
    const store = createSeededStore({ threads: 3 });
    for (const thread of store.threads()) {
      for (const run of store.listRuns({ threadId: thread.threadId, limit: 25, offset: 0 })) {
        expect(Object.keys(run)).toEqual(contract.runFields);
      }
    }
  });

  it('lists a whole thread newest first, ties broken by run_id descending', () => {
    const store = createSeededStore({ threads: 3 });
    for (const thread of store.threads()) {
      const runs = listAll(store, thread.threadId);
      expect(runs).toHaveLength(thread.runCount);
      expect(new Set(runs.map((r) => r.run_id)).size).toBe(runs.length);
      expectNewestFirst(runs);
    }
  });

  it.each([1, 3, 7])('pages by offset with limit %i to the whole list', (limit) => {
    const store = createSeededStore({ threads: 2 });
    // Every thread but the long one: 10,000 pages of one run would only slow the suite down.
    const threads = store.threads().filter((t) => t.threadId !== LONG);
    expect(threads.map((t) => t.threadId)).toEqual(expect.arrayContaining([ALL_STATUSES, BUSY]));
    for (const { threadId } of threads) {
      expect(walkPages(store, threadId, limit)).toEqual(listAll(store, threadId));
    }
  });

  it('returns an empty page for limit 0 and for an offset at or past the end', () => {
    const store = createSeededStore({ threads: 0 });
    const { runCount } = summary(store, ALL_STATUSES);
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 0, offset: 0 })).toEqual([]);
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 10, offset: runCount })).toEqual([]);
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 10, offset: runCount + 1000 })).toEqual([]);
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 10, offset: runCount - 3 })).toHaveLength(3);
    expect(store.listRuns({ threadId: scenarioId('empty'), limit: 10, offset: 0 })).toEqual([]);
  });

  it.each(contract.statusFilterValues)('filters by status %s like a client-side filter', (status) => {
    const store = createSeededStore({ threads: 3 });
    for (const thread of store.threads()) {
      const expected = listAll(store, thread.threadId).filter((run) => run.status === status);
      expect(listAll(store, thread.threadId, status)).toEqual(expected);
      expect(expected).toHaveLength(thread.statusCounts[status] ?? 0);
    }
    expect(listAll(store, ALL_STATUSES, status).length).toBeGreaterThanOrEqual(3);
  });

  it.each(contract.statusFilterValues)('pages the list filtered by status %s', (status) => {
    const store = createSeededStore({ threads: 0 });
    const filtered = listAll(store, ALL_STATUSES).filter((run) => run.status === status);
    expect(walkPages(store, ALL_STATUSES, 2, status)).toEqual(filtered);
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 2, offset: 1, status })).toEqual(
      filtered.slice(1, 3),
    );
    expect(store.listRuns({ threadId: ALL_STATUSES, limit: 5, offset: filtered.length, status })).toEqual([]);
  });

  it('returns an empty list for a status the thread has no run of', () => {
    const store = createSeededStore({ threads: 0 });
    expect(summary(store, BUSY).statusCounts['timeout'] ?? 0).toBe(0);
    expect(store.listRuns({ threadId: BUSY, limit: 10, offset: 0, status: 'timeout' })).toEqual([]);
  });

  it('generates realistic runs', () => {
    const store = createSeededStore({ threads: 5 });
    const anchor = `${new Date(dataset.anchorMicros / 1000).toISOString().slice(0, 19)}.000000+00:00`;
    for (const thread of store.threads()) {
      // The long thread is sampled at both ends, where its newest and oldest runs are.
      const runs =
        thread.threadId === LONG
          ? [
              ...store.listRuns({ threadId: LONG, limit: 300, offset: 0 }),
              ...store.listRuns({ threadId: LONG, limit: 300, offset: thread.runCount - 300 }),
            ]
          : listAll(store, thread.threadId);
      for (const run of runs) {
        expect(run.created_at).toMatch(TIMESTAMP);
        expect(run.updated_at).toMatch(TIMESTAMP);
        expect(run.updated_at >= run.created_at).toBe(true);
        expect(run.updated_at <= anchor, `${run.updated_at} after the anchor`).toBe(true);
        expect(isUuid(run.run_id)).toBe(true);
        expect(run.run_id[14]).toBe('7');
        expect(uuid7Millis(run.run_id)).toBe(Math.floor(micros(run.created_at) / 1000));
        expect(run.thread_id).toBe(thread.threadId);
        expect(contract.runStatuses).toContain(run.status);
        expect(contract.multitaskStrategies).toContain(run.multitask_strategy);

        expect(run.metadata['created_by']).toBe('system');
        expect(dataset.graphs).toContain(run.metadata['graph_id']);
        expect(run.metadata['assistant_id']).toBe(run.assistant_id);
        expect(uuid5(AGENT_SERVER_GRAPH_NAMESPACE, String(run.metadata['graph_id']))).toBe(run.assistant_id);

        expect(Object.keys(run.kwargs)).toEqual(KWARGS_KEYS);
        expect(run.kwargs['stream_mode']).toEqual(['values']);
        expect(run.kwargs).toHaveProperty(['config', 'configurable', 'run_id'], run.run_id);
        expect(run.kwargs).toHaveProperty(['config', 'configurable', 'thread_id'], run.thread_id);
        expect(run.kwargs).toHaveProperty(['config', 'configurable', 'assistant_id'], run.assistant_id);
      }
    }
  });

  it('keeps the queue of every thread: at most one running run, pending runs newer than finished ones', () => {
    const store = createSeededStore({ threads: 40 });
    let busyThreads = 0;
    for (const thread of store.threads()) {
      const runs = listAll(store, thread.threadId);
      const finished = runs.filter((run) => isFinalStatus(run.status)).map((run) => run.created_at);
      const running = runs.filter((run) => run.status === RUNNING_STATUS).map((run) => run.created_at);
      const pending = runs.filter((run) => run.status === PENDING_STATUS).map((run) => run.created_at);
      expect(running.length).toBeLessThanOrEqual(1);
      const newestFinished = finished.reduce((max, at) => (at > max ? at : max), '');
      for (const at of [...running, ...pending]) expect(at > newestFinished).toBe(true);
      for (const at of pending) for (const runningAt of running) expect(at > runningAt).toBe(true);
      if (running.length === 1) busyThreads++;
    }
    // Several random threads are busy too (busyShare), so the checks above are not vacuous for them.
    expect(busyThreads).toBeGreaterThan(2);
  });

  it('gives the same pages, to the byte, for the same seed', () => {
    const a = createSeededStore({ seed: 7, threads: 4 });
    const b = createSeededStore({ seed: 7, threads: 4 });
    expect(b.threads()).toEqual(a.threads());
    // b reads the whole thread first, so its cache and indexes differ from a's when the pages are read.
    for (const thread of b.threads()) listAll(b, thread.threadId);
    for (const thread of a.threads()) {
      for (const request of [
        { threadId: thread.threadId, limit: 10, offset: 0 },
        { threadId: thread.threadId, limit: 7, offset: 5 },
        { threadId: thread.threadId, limit: 10, offset: 0, status: 'success' },
      ]) {
        const pageA = a.listRuns(request);
        const pageB = b.listRuns(request);
        expect(pageB).toEqual(pageA);
        expect(JSON.stringify(pageB)).toBe(JSON.stringify(pageA));
      }
    }
  });

  it('gives other runs for another seed, on the same scenario threads', () => {
    const a = createSeededStore({ seed: 1, threads: 3 });
    const b = createSeededStore({ seed: 2, threads: 3 });
    const scenarioIds = dataset.scenarios.map((s) => s.threadId);
    expect(
      a
        .threads()
        .slice(0, scenarioIds.length)
        .map((t) => t.threadId),
    ).toEqual(scenarioIds);
    expect(
      b
        .threads()
        .slice(0, scenarioIds.length)
        .map((t) => t.threadId),
    ).toEqual(scenarioIds);
    const idsA = new Set(listAll(a, ALL_STATUSES).map((run) => run.run_id));
    const idsB = listAll(b, ALL_STATUSES).map((run) => run.run_id);
    expect(idsB.filter((id) => idsA.has(id))).toEqual([]);
    const randomA = a.threads().slice(scenarioIds.length);
    const randomB = b.threads().slice(scenarioIds.length);
    expect(randomB.map((t) => t.threadId)).not.toEqual(randomA.map((t) => t.threadId));
  });

  it('throws NotFoundError quoting the thread id as sent for an unknown thread', () => {
    const store = createSeededStore({ threads: 1 });
    for (const threadId of ['11111111-2222-4333-8444-555555555555', 'ABCDEF01-2222-4333-8444-555555555555']) {
      const list = (): unknown => store.listRuns({ threadId, limit: 10, offset: 0 });
      expect(list).toThrow(NotFoundError);
      expect(list).toThrow(new NotFoundError(`Thread with ID ${threadId} not found`));
    }
  });

  it('finds a thread by its id in upper case', () => {
    const store = createSeededStore({ threads: 10 });
    const thread = store.threads().find((t) => /[a-f]/.test(t.threadId) && t.runCount > 0);
    if (thread === undefined) throw new Error('test: no thread id with a hex letter');
    const upper = thread.threadId.toUpperCase();
    expect(upper).not.toBe(thread.threadId);
    expect(store.listRuns({ threadId: upper, limit: 5, offset: 0 })).toEqual(
      store.listRuns({ threadId: thread.threadId, limit: 5, offset: 0 }),
    );
  });

  it("dates the newest run of the busy thread a few minutes before now with anchor 'now'", () => {
    const store = createSeededStore({ threads: 0, anchor: 'now' });
    const newest = micros(first(store.listRuns({ threadId: BUSY, limit: 1, offset: 0 })).created_at);
    const age = Date.now() * 1000 - newest;
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(5 * 60 * 1_000_000);
  });

  it("dates runs from the dataset's fixed anchor by default, and from a given date", () => {
    const spacing = 45 * 1_000_000; // the busy scenario's spacing; the newest run is at most this old
    const fixed = micros(
      first(createSeededStore({ threads: 0 }).listRuns({ threadId: BUSY, limit: 1, offset: 0 })).created_at,
    );
    expect(fixed).toBeLessThanOrEqual(dataset.anchorMicros);
    expect(fixed).toBeGreaterThan(dataset.anchorMicros - spacing);
    const given = new Date('2030-01-01T00:00:00Z');
    const dated = micros(
      first(
        createSeededStore({ threads: 0, anchor: given }).listRuns({ threadId: BUSY, limit: 1, offset: 0 }),
      ).created_at,
    );
    expect(dated).toBeLessThanOrEqual(given.getTime() * 1000);
    expect(dated).toBeGreaterThan(given.getTime() * 1000 - spacing);
  });

  it('adds the requested number of random threads after the scenario threads', () => {
    const scenarios = dataset.scenarios.map((s) => [s.threadId, s.name]);
    for (const count of [0, 1, 12]) {
      const threads = createSeededStore({ threads: count }).threads();
      expect(threads).toHaveLength(dataset.scenarios.length + count);
      expect(threads.slice(0, scenarios.length).map((t) => [t.threadId, t.scenario])).toEqual(scenarios);
      for (const thread of threads.slice(scenarios.length)) {
        expect(thread.scenario).toBeUndefined();
        expect(isUuid(thread.threadId)).toBe(true);
        expect(thread.threadId[14]).toBe('4');
      }
    }
  });

  it('gives random threads varied run counts within the dataset range', () => {
    const store = createSeededStore({ threads: 30 });
    const random = store.threads().filter((t) => t.scenario === undefined);
    const { min, max } = dataset.randomThreads.runs;
    for (const thread of random) {
      expect(thread.runCount).toBeGreaterThanOrEqual(min);
      expect(thread.runCount).toBeLessThanOrEqual(max);
      expect(Object.values(thread.statusCounts).reduce((sum, n) => sum + n, 0)).toBe(thread.runCount);
    }
    expect(new Set(random.map((t) => t.runCount)).size).toBeGreaterThan(10);
  });
});

describe('RunStore with a million-run thread', () => {
  const RUNS = 1_000_000;
  const COUNTS = {
    success: 900_000,
    error: 60_000,
    interrupted: 30_000,
    timeout: 9_997,
    running: 1,
    pending: 2,
  };

  function hugeDataset(): DatasetDefinition {
    const json = JSON.parse(readFileSync(DEFAULT_DATASET_URL, 'utf8')) as {
      scenarios: { name: string; statusCounts: Record<string, number> }[];
    };
    const long = json.scenarios.find((s) => s.name === 'long');
    if (long === undefined) throw new Error("test: the shipped dataset has no 'long' scenario");
    long.statusCounts = { ...COUNTS };
    return parseDatasetDefinition(structuredClone(json));
  }

  it('serves the oldest page at offset 999,990', () => {
    const dataset = hugeDataset();
    const store = createSeededStore({ threads: 0, dataset });
    expect(summary(store, LONG).runCount).toBe(RUNS);
    const page = store.listRuns({ threadId: LONG, limit: 10, offset: RUNS - 10 });
    expect(page).toHaveLength(10);
    expectNewestFirst(page);
    expect(store.listRuns({ threadId: LONG, limit: 20, offset: RUNS - 20 }).slice(10)).toEqual(page);
    expect(store.listRuns({ threadId: LONG, limit: 10, offset: RUNS - 1 })).toEqual(page.slice(9));
    expect(store.listRuns({ threadId: LONG, limit: 10, offset: RUNS })).toEqual([]);

    // The oldest run sits (runs - 1) spacings before the newest one.
    const scenario = dataset.scenarios.find((s) => s.name === 'long');
    if (scenario === undefined) throw new Error('unreachable');
    const spacing = scenario.spacingSeconds * 1_000_000;
    const newestSlot = dataset.anchorMicros - scenario.lastRunAgeSeconds * 1_000_000;
    const oldest = micros(first(page.slice(9)).created_at);
    expect(oldest).toBeLessThanOrEqual(newestSlot - (RUNS - 1) * spacing);
    expect(oldest).toBeGreaterThan(newestSlot - (RUNS - 1) * spacing - spacing / 2 - 1);
  });

  it('serves status-filtered pages with the right counts and order', () => {
    const store = createSeededStore({ threads: 0, dataset: hugeDataset() });
    const newest = store.listRuns({ threadId: LONG, limit: 3, offset: 0 });
    expect(newest.map((run) => run.status)).toEqual([PENDING_STATUS, PENDING_STATUS, RUNNING_STATUS]);
    expect(store.listRuns({ threadId: LONG, limit: 10, offset: 0, status: PENDING_STATUS })).toEqual(
      newest.slice(0, 2),
    );

    const timeoutTail = store.listRuns({ threadId: LONG, limit: 10, offset: 9_990, status: 'timeout' });
    expect(timeoutTail).toHaveLength(COUNTS.timeout - 9_990);
    expect(timeoutTail.every((run) => run.status === 'timeout')).toBe(true);
    expectNewestFirst(timeoutTail);
    expect(store.listRuns({ threadId: LONG, limit: 12, offset: 9_985, status: 'timeout' }).slice(5)).toEqual(
      timeoutTail,
    );

    const errorTail = store.listRuns({
      threadId: LONG,
      limit: 10,
      offset: COUNTS.error - 4,
      status: 'error',
    });
    expect(errorTail).toHaveLength(4);
    expect(errorTail.every((run) => run.status === 'error')).toBe(true);
    expectNewestFirst(errorTail);

    // The head of a filtered list is the client-side filter of the head of the whole list.
    const head = store.listRuns({ threadId: LONG, limit: 2000, offset: 0 });
    const errorsInHead = head.filter((run) => run.status === 'error');
    expect(errorsInHead.length).toBeGreaterThan(10);
    expect(
      store.listRuns({ threadId: LONG, limit: errorsInHead.length, offset: 0, status: 'error' }),
    ).toEqual(errorsInHead);
  });
});
