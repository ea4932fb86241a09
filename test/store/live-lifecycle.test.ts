import { describe, expect, it, vi } from 'vitest';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { LiveLifecycle } from '../../src/store/live-lifecycle.js';
import { createRandom } from '../../src/store/random.js';
import type { RunStore } from '../../src/store/run-store.js';

const THREAD = '00000000-0000-4000-8000-000000000002'; // single-run: one finished run, nothing queued
const BUSY = '00000000-0000-4000-8000-000000000004';
const ANCHOR = Date.parse('2026-06-01T12:00:00Z') * 1000;

/** A store whose clock the test moves by hand. */
function storeWithFakeClock(): { store: RunStore; advance: (ms: number) => void } {
  let now = ANCHOR;
  return {
    store: createSeededStore({ threads: 0, clock: () => now }),
    advance: (ms) => {
      now += ms * 1000;
    },
  };
}

function statuses(store: RunStore, threadId: string, count: number): string[] {
  return store.listRuns({ threadId, offset: 0, limit: count }).map((run) => run.status);
}

describe('LiveLifecycle', () => {
  it('moves appended runs pending → running → success, one at a time, oldest first', () => {
    const { store, advance } = storeWithFakeClock();
    const lifecycle = new LiveLifecycle(store, createRandom(1), {
      queuedMs: 500,
      runningMs: 2000,
      errorRate: 0,
    });
    for (let i = 0; i < 3; i++) {
      const run = store.addRun(THREAD, store.draftRun(THREAD));
      lifecycle.track(THREAD, run.run_id);
      advance(10);
    }
    expect(statuses(store, THREAD, 3)).toEqual(['pending', 'pending', 'pending']);
    lifecycle.tick();
    expect(statuses(store, THREAD, 3)).toEqual(['pending', 'pending', 'pending']); // not queued long enough
    advance(500);
    lifecycle.tick();
    expect(statuses(store, THREAD, 3)).toEqual(['pending', 'pending', 'running']);
    advance(1000);
    lifecycle.tick();
    expect(statuses(store, THREAD, 3)).toEqual(['pending', 'pending', 'running']);
    advance(1000);
    lifecycle.tick();
    expect(statuses(store, THREAD, 3)).toEqual(['pending', 'running', 'success']);
    advance(2000);
    lifecycle.tick();
    advance(2000);
    lifecycle.tick();
    expect(statuses(store, THREAD, 4)).toEqual(['success', 'success', 'success', 'success']);
    expect(lifecycle.trackedRunCount()).toBe(0);
  });

  it('never has two running runs in a thread', () => {
    const { store, advance } = storeWithFakeClock();
    const lifecycle = new LiveLifecycle(store, createRandom(2), { queuedMs: 0, runningMs: 300 });
    for (let i = 0; i < 5; i++) lifecycle.track(THREAD, store.addRun(THREAD, store.draftRun(THREAD)).run_id);
    for (let step = 0; step < 30; step++) {
      lifecycle.tick();
      expect(store.countRuns(THREAD, 'running')).toBeLessThanOrEqual(1);
      advance(100);
    }
    expect(store.countRuns(THREAD, 'pending')).toBe(0);
  });

  it('ends runs in error at the set rate, reproducibly for a seed', () => {
    const finals = (seed: number): string[] => {
      const { store, advance } = storeWithFakeClock();
      const lifecycle = new LiveLifecycle(store, createRandom(seed), {
        queuedMs: 0,
        runningMs: 1,
        errorRate: 0.5,
      });
      for (let i = 0; i < 20; i++)
        lifecycle.track(THREAD, store.addRun(THREAD, store.draftRun(THREAD)).run_id);
      for (let step = 0; step < 50; step++) {
        lifecycle.tick();
        advance(5);
      }
      return statuses(store, THREAD, 20);
    };
    const first = finals(7);
    expect(first.filter((status) => status === 'error').length).toBeGreaterThan(3);
    expect(first.filter((status) => status === 'success').length).toBeGreaterThan(3);
    expect(finals(7)).toEqual(first);
  });

  it("drives the seeded busy thread's queue with trackAll", () => {
    const { store, advance } = storeWithFakeClock();
    const lifecycle = new LiveLifecycle(store, createRandom(3), {
      queuedMs: 0,
      runningMs: 100,
      errorRate: 0,
    });
    lifecycle.trackAll();
    for (let step = 0; step < 40; step++) {
      lifecycle.tick();
      advance(200);
    }
    expect(store.countRuns(BUSY, 'pending')).toBe(0);
    expect(store.countRuns(BUSY, 'running')).toBe(0);
  });

  it('forgets a tracked run that was deleted', () => {
    const { store } = storeWithFakeClock();
    const lifecycle = new LiveLifecycle(store, createRandom(4));
    const run = store.addRun(THREAD, store.draftRun(THREAD));
    lifecycle.track(THREAD, run.run_id);
    store.deleteRun(THREAD, run.run_id);
    lifecycle.tick();
    expect(lifecycle.trackedRunCount()).toBe(0);
  });

  it('runs a batch drafted at one instant in the order given, the order List Runs lists it in', () => {
    const { store, advance } = storeWithFakeClock(); // the clock stands still while the batch is drafted
    const lifecycle = new LiveLifecycle(store, createRandom(5), { queuedMs: 0, runningMs: 10, errorRate: 0 });
    const batch = store.addRuns(
      THREAD,
      Array.from({ length: 8 }, () => store.draftRun(THREAD)),
    );
    lifecycle.trackRuns(
      THREAD,
      batch.map((run) => run.run_id),
    );
    const listed = store.listRuns({ threadId: THREAD, offset: 0, limit: 8 }).map((run) => run.run_id);
    expect(listed).toEqual(batch.map((run) => run.run_id).reverse());
    const started: string[] = [];
    for (let step = 0; step < 40; step++) {
      lifecycle.tick();
      const [running] = store.listRuns({ threadId: THREAD, offset: 0, limit: 1, status: 'running' });
      if (running !== undefined && started.at(-1) !== running.run_id) started.push(running.run_id);
      advance(10);
    }
    expect(started).toEqual(batch.map((run) => run.run_id));
  });

  it('queues a batch with one store lookup per run, not a re-sort per run', () => {
    const { store } = storeWithFakeClock();
    const lifecycle = new LiveLifecycle(store, createRandom(6));
    const batch = store.addRuns(
      THREAD,
      Array.from({ length: 2000 }, () => store.draftRun(THREAD)),
    );
    const lookups = vi.spyOn(store, 'getRun');
    lifecycle.trackRuns(
      THREAD,
      batch.map((run) => run.run_id),
    );
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(batch.length);
    expect(lifecycle.trackedRunCount()).toBe(2000);
  });
});
