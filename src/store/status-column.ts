import type { Random } from './random.js';
import { PENDING_STATUS, RUNNING_STATUS, isFinalStatus } from './run-lifecycle.js';

/**
 * The status of every run of a thread, by chronological index, plus one sorted index per status, so that
 * a page of a status-filtered list costs O(limit) whatever the thread's size: 1 byte per run for the
 * column and 4 bytes per run for the indexes.
 */
export interface StatusColumn {
  /** Status of the run at each chronological index. */
  statusAt(index: number): string;
  /** Chronological indexes (ascending) of the runs with `status`; empty for a status with no runs. */
  indexesOf(status: string): Uint32Array;
}

const NO_RUNS = new Uint32Array(0);

/**
 * Lays out a thread's statuses as the Agent Server's queue would leave them: the finished runs (shuffled
 * by `random`) first, then the one running run, then the pending queue, newest last.
 */
export function buildStatusColumn(
  statusCounts: Readonly<Record<string, number>>,
  statuses: readonly string[],
  random: Random,
): StatusColumn {
  const codeOf = new Map(statuses.map((status, code) => [status, code]));
  const unknown = Object.keys(statusCounts).filter((status) => !codeOf.has(status));
  if (unknown.length > 0) throw new RangeError(`unknown run status '${unknown.join("', '")}'`);
  const total = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
  const codes = new Uint8Array(total);
  let filled = 0;
  const append = (status: string, count: number): void => {
    codes.fill(codeOf.get(status) ?? 0, filled, filled + count);
    filled += count;
  };
  for (const status of statuses) {
    if (isFinalStatus(status)) append(status, statusCounts[status] ?? 0);
  }
  // Fisher–Yates over the finished runs only; the queue tail keeps its place.
  for (let i = filled - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const swap = codes[i] ?? 0;
    codes[i] = codes[j] ?? 0;
    codes[j] = swap;
  }
  append(RUNNING_STATUS, statusCounts[RUNNING_STATUS] ?? 0);
  append(PENDING_STATUS, statusCounts[PENDING_STATUS] ?? 0);

  const indexes = statuses.map((status) => new Uint32Array(statusCounts[status] ?? 0));
  const cursors = new Uint32Array(statuses.length);
  for (let index = 0; index < total; index++) {
    const code = codes[index] ?? 0;
    const target = indexes[code];
    const cursor = cursors[code] ?? 0;
    if (target) target[cursor] = index;
    cursors[code] = cursor + 1;
  }
  return {
    statusAt(index) {
      const status = statuses[codes[index] ?? -1];
      if (status === undefined) throw new RangeError(`no run at index ${index}`);
      return status;
    },
    indexesOf(status) {
      const code = codeOf.get(status);
      return code === undefined ? NO_RUNS : (indexes[code] ?? NO_RUNS);
    },
  };
}
