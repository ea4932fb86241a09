import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../check-result.js';
import { idsOf, type ConformanceCheck } from '../conformance-check.js';
import { fetchRuns } from './list-request.js';

/** Without `limit`, a page holds the spec's default number of runs, the newest ones. */
export const defaultPageSizeCheck: ConformanceCheck = {
  id: 'paging.default-limit',
  description: "without limit, a page holds the spec's default number of runs (10), the newest first",
  async run(context) {
    const window = await context.window();
    const page = await fetchRuns(context, context.threadId);
    if (!page.ok) return [page.failure];
    const expected = window.runs.slice(0, context.contract.defaultLimit);
    if (isDeepStrictEqual(page.runs, expected)) return [];
    return [
      {
        message: `the default page is not the ${context.contract.defaultLimit} newest runs`,
        requests: [page.url, window.url],
        expected: `${expected.length} runs ${idsOf(expected)}`,
        actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
      },
    ];
  },
};

/** `limit=N` returns at most N runs, the newest ones; `limit=0` returns []. */
export const limitCheck: ConformanceCheck = {
  id: 'paging.limit',
  description: 'limit=N returns the N newest runs (fewer if the thread is shorter); limit=0 returns []',
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
          message: `limit=${limit} did not return the ${limit} newest runs`,
          requests: [page.url, window.url],
          expected: `${expected.length} runs ${idsOf(expected)}`,
          actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
        });
      }
    }
    return failures;
  },
};

/** Pages walked by `offset` concatenate to the list fetched at once: no gaps, no duplicates. */
export const pagingConsistencyCheck: ConformanceCheck = {
  id: 'paging.consistency',
  description:
    'pages of 1, 3 and 7 runs walked by offset concatenate to the full list, in order, without gaps',
  async run(context) {
    const window = await context.window();
    const failures: CheckFailure[] = [];
    for (const size of [1, 3, 7]) {
      const walked: unknown[] = [];
      const requests: string[] = [];
      for (let offset = 0; offset < window.runs.length; offset += size) {
        const page = await fetchRuns(context, context.threadId, `limit=${size}&offset=${offset}`);
        if (!page.ok) return [...failures, page.failure];
        requests.push(page.url);
        walked.push(...page.runs);
      }
      // The last page may run past a window that does not hold the whole thread.
      if (!window.complete) walked.length = Math.min(walked.length, window.runs.length);
      if (!isDeepStrictEqual(walked, window.runs)) {
        const firstDifference = walked.findIndex((run, i) => !isDeepStrictEqual(run, window.runs[i]));
        const at = firstDifference === -1 ? window.runs.length : firstDifference;
        failures.push({
          message: `pages of ${size} differ from the full list at position ${at}`,
          requests: [requests[Math.floor(at / size)] ?? requests.at(-1) ?? window.url, window.url],
          expected: `${window.runs.length} runs, position ${at}: ${JSON.stringify(window.runs[at]?.['run_id'])}`,
          actual: `${walked.length} runs, position ${at}: ${JSON.stringify((walked[at] as Record<string, unknown> | undefined)?.['run_id'])}`,
        });
      }
    }
    return failures;
  },
};

/** An offset at or past the end returns []. */
export const offsetPastEndCheck: ConformanceCheck = {
  id: 'paging.offset-past-end',
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
        message: `offset=${offset} is past the end, yet runs came back`,
        requests: [page.url],
        expected: '[]',
        actual: `${page.runs.length} runs ${idsOf(page.runs)}`,
      },
    ];
  },
};
