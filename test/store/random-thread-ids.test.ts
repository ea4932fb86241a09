import { describe, expect, it } from 'vitest';
import { createSeededStore, DEFAULT_SEED } from '../../src/store/create-seeded-store.js';
import { randomThreadId, randomThreadOrdinal } from '../../src/store/random-thread-ids.js';
import { isUuid } from '../../src/openapi/uuid-format.js';

describe('randomThreadId', () => {
  it('gives 100,000 threads of a seed 100,000 distinct version-4 UUIDs', () => {
    const ids = new Set<string>();
    for (let n = 0; n < 100_000; n++) ids.add(randomThreadId(42, n));
    expect(ids.size).toBe(100_000);
    for (const id of [...ids].slice(0, 100)) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('4');
      expect('89ab').toContain(id[19]);
    }
  });

  it('depends on the seed', () => {
    expect(randomThreadId(1, 0)).not.toBe(randomThreadId(2, 0));
  });

  it('leads back to its thread, and only for threads that exist', () => {
    for (const n of [0, 1, 19, 99_999, 999_999]) {
      expect(randomThreadOrdinal(42, randomThreadId(42, n), 1_000_000)).toBe(n);
    }
    expect(randomThreadOrdinal(42, randomThreadId(42, 20), 20)).toBeUndefined();
    expect(randomThreadOrdinal(7, randomThreadId(42, 3), 20)).toBeUndefined();
    expect(randomThreadOrdinal(42, '00000000-0000-4000-8000-000000000001', 20)).toBeUndefined();
    const id = randomThreadId(42, 3);
    const altered = `${id.slice(0, 9)}${id[9] === 'f' ? 'e' : 'f'}${id.slice(10)}`;
    expect(randomThreadOrdinal(42, altered, 20)).toBeUndefined();
  });
});

describe('a seeded store with many random threads', () => {
  it('has as many distinct thread ids as threads asked for', () => {
    const store = createSeededStore({ threads: 5000 });
    const ids = store.threads().map((thread) => thread.threadId);
    expect(new Set(ids).size).toBe(5005);
    expect(createSeededStore({ threads: 100_000 }).threadCount()).toBe(100_005);
  });

  it('serves any random thread of a million by its id without describing the others', () => {
    const store = createSeededStore({ threads: 1_000_000 });
    const id = randomThreadId(DEFAULT_SEED, 765_432);
    expect(store.thread(id)).toMatchObject({ threadId: id, scenario: undefined });
    expect(store.listRuns({ threadId: id.toUpperCase(), offset: 0, limit: 5 }).length).toBeLessThanOrEqual(5);
    expect(() => store.thread(randomThreadId(DEFAULT_SEED, 1_000_000))).toThrow('not found');
  });
});
