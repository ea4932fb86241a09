import { describe, expect, it } from 'vitest';
import { createSeededStore } from '../../src/store/create-seeded-store.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';

describe('RunStore.listRunsUncached', () => {
  it('returns the same runs as listRuns without keeping them in the cache', () => {
    const store = createSeededStore({ threads: 0 });
    const page = { threadId: ALL_STATUSES, offset: 5, limit: 10, status: undefined };
    const first = store.listRunsUncached(page);
    const second = store.listRunsUncached(page);
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]); // generated again: nothing was kept

    const cached = store.listRuns(page);
    expect(cached).toEqual(first);
    expect(store.listRuns(page)[0]).toBe(cached[0]);
  });

  it('still serves runs already in the cache from it', () => {
    const store = createSeededStore({ threads: 0 });
    const page = { threadId: ALL_STATUSES, offset: 0, limit: 10, status: undefined };
    const cached = store.listRuns(page);
    expect(store.listRunsUncached(page)[3]).toBe(cached[3]);
  });
});
