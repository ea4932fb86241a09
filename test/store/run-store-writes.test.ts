import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { formatTimestamp } from '../../src/store/format-timestamp.js';
import type { Run } from '../../src/store/run.js';
import type { RunStore } from '../../src/store/run-store.js';
import { parseMicros } from '../../src/store/parse-micros.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';
const EVERYTHING = Number.MAX_SAFE_INTEGER;
const { runStatuses } = getListRunsContract();

/** The reference order: created_at descending, then run_id descending. */
function newestFirst(a: Run, b: Run): number {
  const byTime = parseMicros(b.created_at) - parseMicros(a.created_at);
  if (byTime !== 0) return byTime;
  return a.run_id < b.run_id ? 1 : a.run_id > b.run_id ? -1 : 0;
}

/** Every page, filtered or not, equals the slice of a full scan sorted and filtered by hand. */
function expectConsistent(
  store: RunStore,
  threadId: string,
  model: readonly Run[],
  offsets: readonly number[],
): void {
  const sorted = [...model].sort(newestFirst);
  expect(store.listRuns({ threadId, offset: 0, limit: EVERYTHING })).toEqual(sorted);
  expect(store.countRuns(threadId)).toBe(sorted.length);
  for (const status of [undefined, ...runStatuses]) {
    const expected = status === undefined ? sorted : sorted.filter((run) => run.status === status);
    expect(store.countRuns(threadId, status)).toBe(expected.length);
    for (const offset of offsets) {
      for (const limit of [1, 3, 10]) {
        expect(store.listRuns({ threadId, offset, limit, status })).toEqual(
          expected.slice(offset, offset + limit),
        );
      }
    }
  }
}

type Operation =
  | { kind: 'delete'; pick: number }
  | { kind: 'status'; pick: number; status: string }
  | { kind: 'add'; pick: number; shiftMicros: number; status: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('status' as const),
    pick: fc.nat(),
    status: fc.constantFrom(...runStatuses),
  }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    // 0 makes a run created in the very same microsecond as an existing one: the run_id tie-break.
    shiftMicros: fc.oneof(fc.constant(0), fc.integer({ min: -300_000_000, max: 300_000_000 })),
    status: fc.constantFrom(...runStatuses.filter((status) => status !== 'running')),
  }),
);

describe('RunStore writes', () => {
  it('keeps every page, filter and count consistent with a full scan after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        const store = createSeededStore({ threads: 0, seed: 3 });
        let model = [...store.listRuns({ threadId: ALL_STATUSES, offset: 0, limit: EVERYTHING })];
        for (const op of operations) {
          const target = model[op.pick % Math.max(1, model.length)];
          if (op.kind === 'delete' && target !== undefined) {
            store.deleteRun(ALL_STATUSES, target.run_id);
            model = model.filter((run) => run.run_id !== target.run_id);
          } else if (op.kind === 'status' && target !== undefined) {
            if (op.status === 'running' && model.some((run) => run.status === 'running' && run !== target)) {
              expect(() => store.setRunStatus(ALL_STATUSES, target.run_id, op.status)).toThrow(ConflictError);
              continue;
            }
            const changed = store.setRunStatus(ALL_STATUSES, target.run_id, op.status);
            expect(changed.run_id).toBe(target.run_id);
            expect(changed.created_at).toBe(target.created_at);
            expect(parseMicros(changed.updated_at)).toBeGreaterThan(parseMicros(target.updated_at));
            model = model.map((run) => (run.run_id === target.run_id ? changed : run));
          } else if (op.kind === 'add') {
            const draft = store.draftRun(ALL_STATUSES);
            const created = parseMicros(target?.created_at ?? draft.created_at) + op.shiftMicros;
            const run: Run = {
              ...draft,
              status: op.status,
              created_at: formatTimestamp(created),
              updated_at: formatTimestamp(created),
            };
            store.addRun(ALL_STATUSES, run);
            model.push(run);
          }
        }
        expectConsistent(store, ALL_STATUSES, model, [0, 1, 7, 20, 39, 45]);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('finds a seeded run by id, deletes it, and 404s it afterwards', () => {
    const store = createSeededStore({ threads: 0 });
    const [newest] = store.listRuns({ threadId: ALL_STATUSES, offset: 5, limit: 1 });
    if (newest === undefined) throw new Error('no run');
    expect(store.getRun(ALL_STATUSES, newest.run_id)).toEqual(newest);
    store.deleteRun(ALL_STATUSES, newest.run_id);
    expect(() => store.getRun(ALL_STATUSES, newest.run_id)).toThrow(NotFoundError);
    expect(() => {
      store.deleteRun(ALL_STATUSES, newest.run_id);
    }).toThrow(NotFoundError);
  });

  it('creates threads, rejects a duplicate id, deletes them, and reset restores the seeded state', () => {
    const store = createSeededStore({ threads: 2 });
    const before = store.threads();
    const created = store.createThread('ABCDEF00-0000-4000-8000-000000000000');
    expect(created).toMatchObject({ threadId: 'abcdef00-0000-4000-8000-000000000000', runCount: 0 });
    expect(() => store.createThread('abcdef00-0000-4000-8000-000000000000')).toThrow(ConflictError);
    expect(store.listRuns({ threadId: created.threadId, offset: 0, limit: 10 })).toEqual([]);
    const generated = store.createThread();
    expect(generated.threadId).toMatch(/^[0-9a-f-]{36}$/);
    store.deleteThread(ALL_STATUSES);
    expect(() => store.countRuns(ALL_STATUSES)).toThrow(NotFoundError);
    store.reset();
    expect(store.threads()).toEqual(before);
  });

  it('keeps at most one running run per thread', () => {
    const store = createSeededStore({ threads: 0 });
    const draft = store.draftRun(ALL_STATUSES);
    expect(() => store.addRun(ALL_STATUSES, { ...draft, status: 'running' })).toThrow(
      /already has a running run/,
    );
  });

  it('rejects a run of another thread and a run id already present', () => {
    const store = createSeededStore({ threads: 0 });
    const draft = store.draftRun(ALL_STATUSES);
    expect(() =>
      store.addRun(ALL_STATUSES, { ...draft, thread_id: '00000000-0000-4000-8000-000000000002' }),
    ).toThrow(ConflictError);
    store.addRun(ALL_STATUSES, draft);
    expect(() => store.addRun(ALL_STATUSES, draft)).toThrow(/already exists/);
  });

  it('dates new runs after every seeded one, from the anchor onward', () => {
    const store = createSeededStore({ threads: 0 });
    const [newest] = store.listRuns({ threadId: ALL_STATUSES, offset: 0, limit: 1 });
    const draft = store.draftRun(ALL_STATUSES);
    expect(parseMicros(draft.created_at)).toBeGreaterThanOrEqual(parseMicros(newest?.created_at ?? ''));
    store.addRun(ALL_STATUSES, draft);
    expect(store.listRuns({ threadId: ALL_STATUSES, offset: 0, limit: 1 })).toEqual([draft]);
  });

  it('keeps time in microseconds: its clock reads between whole milliseconds', () => {
    const store = createSeededStore({ threads: 0 });
    const readings = new Set<number>();
    for (let i = 0; i < 100_000 && readings.size < 50; i++) readings.add(store.now());
    expect([...readings].some((micros) => micros % 1000 !== 0)).toBe(true);
  });

  it('drafts runs in a row at strictly increasing instants, even when the clock stands still', () => {
    const store = createSeededStore({ threads: 0, clock: () => Date.parse('2026-06-01T12:00:00Z') * 1000 });
    const drafts = Array.from({ length: 5 }, () => parseMicros(store.draftRun(ALL_STATUSES).created_at));
    expect(drafts.slice(1).map((micros, i) => micros - (drafts[i] ?? 0))).toEqual([1, 1, 1, 1]);
  });

  it('stores a batch all or nothing: a clash anywhere leaves the thread as it was', () => {
    const store = createSeededStore({ threads: 0 });
    const before = store.listRuns({ threadId: ALL_STATUSES, offset: 0, limit: EVERYTHING });
    const good = store.draftRun(ALL_STATUSES);
    const clash = { ...store.draftRun(ALL_STATUSES), run_id: before[5]?.run_id ?? '' };
    expect(() => store.addRuns(ALL_STATUSES, [good, clash])).toThrow(ConflictError);
    expect(store.listRuns({ threadId: ALL_STATUSES, offset: 0, limit: EVERYTHING })).toEqual(before);
  });
});
