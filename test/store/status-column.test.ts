import { describe, it, expect } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createRandom } from '../../src/store/random.js';
import { PENDING_STATUS, RUNNING_STATUS, isFinalStatus } from '../../src/store/run-lifecycle.js';
import { buildStatusColumn, type StatusColumn } from '../../src/store/status-column.js';

const STATUSES = getListRunsContract().runStatuses;

const BUSY_COUNTS = { success: 30, error: 6, timeout: 4, interrupted: 5, running: 1, pending: 4 };
const IDLE_COUNTS = { success: 12, error: 3, pending: 2 };

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

function layout(column: StatusColumn, size: number): string[] {
  return Array.from({ length: size }, (_, index) => column.statusAt(index));
}

function build(counts: Readonly<Record<string, number>>, seed = 1): string[] {
  return layout(buildStatusColumn(counts, STATUSES, createRandom(seed)), total(counts));
}

describe('buildStatusColumn', () => {
  it('lays out finished runs first, then the running one, then the pending ones last', () => {
    const statuses = build(BUSY_COUNTS);
    const finished = total(BUSY_COUNTS) - 1 - BUSY_COUNTS.pending;
    expect(statuses.slice(0, finished).every(isFinalStatus)).toBe(true);
    expect(statuses[finished]).toBe(RUNNING_STATUS);
    expect(statuses.slice(finished + 1)).toEqual(Array<string>(BUSY_COUNTS.pending).fill(PENDING_STATUS));
  });

  it('puts pending runs last when no run is running', () => {
    const statuses = build(IDLE_COUNTS);
    expect(statuses).not.toContain(RUNNING_STATUS);
    expect(statuses.slice(-2)).toEqual([PENDING_STATUS, PENDING_STATUS]);
    expect(statuses.slice(0, -2).every(isFinalStatus)).toBe(true);
  });

  it('has as many runs of each status as asked', () => {
    for (const counts of [BUSY_COUNTS, IDLE_COUNTS, {}, { success: 1 }]) {
      const statuses = build(counts);
      expect(statuses).toHaveLength(total(counts));
      for (const status of STATUSES) {
        expect(statuses.filter((s) => s === status).length, status).toBe(
          (counts as Record<string, number>)[status] ?? 0,
        );
      }
    }
  });

  it('indexes each status exactly where statusAt finds it, in ascending order', () => {
    const column = buildStatusColumn(BUSY_COUNTS, STATUSES, createRandom(2));
    const statuses = layout(column, total(BUSY_COUNTS));
    for (const status of STATUSES) {
      const scanned = statuses.flatMap((s, index) => (s === status ? [index] : []));
      expect([...column.indexesOf(status)], status).toEqual(scanned);
    }
  });

  it('gives an empty index for a status with no runs and for an unknown status', () => {
    const column = buildStatusColumn(IDLE_COUNTS, STATUSES, createRandom(3));
    expect(column.indexesOf(RUNNING_STATUS)).toHaveLength(0);
    expect(column.indexesOf('timeout')).toHaveLength(0);
    expect(column.indexesOf('done')).toHaveLength(0);
    expect(column.indexesOf('')).toHaveLength(0);
  });

  it('throws for an index outside the thread', () => {
    const column = buildStatusColumn(IDLE_COUNTS, STATUSES, createRandom(4));
    expect(() => column.statusAt(total(IDLE_COUNTS))).toThrow(RangeError);
    expect(() => column.statusAt(-1)).toThrow(RangeError);
  });

  it('gives the same layout for the same seed', () => {
    expect(build(BUSY_COUNTS, 5)).toEqual(build(BUSY_COUNTS, 5));
  });

  it('shuffles the finished runs, differently for another seed', () => {
    const finished = build(BUSY_COUNTS, 6).filter(isFinalStatus);
    const grouped = STATUSES.filter(isFinalStatus).flatMap((status) =>
      Array<string>((BUSY_COUNTS as Record<string, number>)[status] ?? 0).fill(status),
    );
    expect(finished).not.toEqual(grouped);
    expect(build(BUSY_COUNTS, 6)).not.toEqual(build(BUSY_COUNTS, 7));
  });
});
