import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../check-result.js';
import { idsOf, type ConformanceCheck, type WireRun } from '../conformance-check.js';
import { fetchRuns } from './list-request.js';

/** Without `limit`, a page holds the spec's default number of runs: the first ones of the full list. */
export const defaultPageSizeCheck: ConformanceCheck = {
  id: 'paging.default-limit',
  level: 'spec',
  description: "without limit, a page holds the spec's default number of runs: the full list's first ones",
  async run(context) {
    const window = await context.window();
    const page = await fetchRuns(context, context.threadId);
    if (!page.ok) return [page.failure];
    const expected = window.runs.slice(0, context.contract.defaultLimit);
    if (isDeepStrictEqual(page.runs, expected)) return [];
    return [
      {
        cause:
          page.runs.length === expected.length
            ? 'the default page holds other runs than the first of the full list'
            : `the default page does not hold the spec's default number of runs (${context.contract.defaultLimit})`,
        message: `the default page is not the first ${context.contract.defaultLimit} runs of the full list`,
        requests: [page.url, window.url],
        expected: `${expected.length} runs ${idsOf(expected)}`,
        actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
      },
    ];
  },
};

/** `limit=N` returns the first N runs of the full list; `limit=0` returns []. */
export const limitCheck: ConformanceCheck = {
  id: 'paging.limit',
  level: 'semantics',
  description:
    'limit=N returns the first N runs of the full list (fewer if the thread is shorter); limit=0 returns []',
  async run(context) {
    const window = await context.window();
    const failures: CheckFailure[] = [];
    for (const limit of [0, 1, 3, 7, 13]) {
      const page = await fetchRuns(context, context.threadId, `limit=${limit}`);
      if (!page.ok) {
        failures.push(page.failure);
        continue;
      }
      const expected = window.runs.slice(0, limit);
      if (!isDeepStrictEqual(page.runs, expected)) {
        failures.push({
          cause:
            page.runs.length === expected.length
              ? 'limit=N returns other runs than the first N of the full list'
              : 'limit=N does not return N runs',
          message: `limit=${limit} did not return the first ${limit} runs of the full list`,
          requests: [page.url, window.url],
          expected: `${expected.length} runs ${idsOf(expected)}`,
          actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
        });
      }
    }
    return failures;
  },
};

/** The first index where two lists differ (by value), or -1 when they are equal. */
export function firstDifference(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length || i >= b.length || !isDeepStrictEqual(a[i], b[i])) return i;
  }
  return -1;
}

function runIdAt(runs: readonly WireRun[], index: number): string {
  const run = runs[index];
  return run === undefined ? 'nothing (the list ends before it)' : JSON.stringify(run['run_id']);
}

/** Pages walked by `offset` concatenate to the list fetched at once: no gaps, no duplicates. */
export const pagingConsistencyCheck: ConformanceCheck = {
  id: 'paging.consistency',
  level: 'semantics',
  description:
    'pages of 1, 3 and 7 runs walked by offset concatenate to the full list, in order, without gaps',
  async run(context) {
    const window = await context.window();
    const failures: CheckFailure[] = [];
    for (const size of [1, 3, 7]) {
      const walked: WireRun[] = [];
      const requests: string[] = [];
      for (let offset = 0; offset < window.runs.length; offset += size) {
        const page = await fetchRuns(context, context.threadId, `limit=${size}&offset=${offset}`);
        if (!page.ok) return [...failures, page.failure];
        requests.push(page.url);
        walked.push(...page.runs);
      }
      // The last page may run past a window that does not hold the whole thread.
      if (!window.complete) walked.length = Math.min(walked.length, window.runs.length);
      const at = firstDifference(walked, window.runs);
      if (at === -1) continue;
      failures.push({
        cause: 'pages walked by offset differ from the full list',
        message: `pages of ${size} differ from the full list first at index ${at}`,
        requests: [requests[Math.floor(at / size)] ?? requests.at(-1) ?? window.url, window.url],
        expected: `${window.runs.length} runs; index ${at}: ${runIdAt(window.runs, at)}`,
        actual: `${walked.length} runs walked; index ${at}: ${runIdAt(walked, at)}`,
      });
    }
    return failures;
  },
};

/** An offset at or past the end returns []. */
export const offsetPastEndCheck: ConformanceCheck = {
  id: 'paging.offset-past-end',
  level: 'semantics',
  description: 'an offset at or past the last run returns []',
  async run(context) {
    const window = await context.window();
    // Past the end of the whole thread: beyond the window when the thread is longer than it.
    const offset = window.complete ? window.runs.length : 1_000_000_000;
    const page = await fetchRuns(context, context.threadId, `offset=${offset}`);
    if (!page.ok) return [page.failure];
    if (page.runs.length === 0) return [];
    return [
      {
        cause: 'an offset past the end still returns runs',
        message: `offset=${offset} is past the end, yet runs came back`,
        requests: [page.url],
        expected: '[]',
        actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
      },
    ];
  },
};
