import { isDeepStrictEqual } from 'node:util';
import { idsOf, type ConformanceCheck } from '../conformance-check.js';
import { RUN_WINDOW } from '../conformance-check.js';
import { fetchRuns } from './list-request.js';

/** `status=S` lists exactly the runs with status S, in the same order as the full list. */
export function statusFilterCheck(status: string): ConformanceCheck {
  return {
    id: `filter.status.${status}`,
    level: 'semantics',
    description: `status=${status} lists exactly the full list's ${status} runs, in the full list's order`,
    async run(context) {
      const window = await context.window();
      const filtered = await fetchRuns(context, context.threadId, `status=${status}&limit=${RUN_WINDOW}`);
      if (!filtered.ok) return [filtered.failure];
      const expected = window.runs.filter((run) => run['status'] === status);
      // When the thread is longer than the window, older matches may follow: compare the prefix.
      const actual = window.complete ? filtered.runs : filtered.runs.slice(0, expected.length);
      const stray = filtered.runs.find((run) => run['status'] !== status);
      if (stray === undefined && isDeepStrictEqual(actual, expected)) return [];
      return [
        {
          cause:
            stray === undefined
              ? `status=${status} does not list the same runs as filtering the full list`
              : `status=${status} lists runs of another status`,
          message:
            stray === undefined
              ? `status=${status} does not list the same runs as filtering the full list`
              : `status=${status} lists a run with status ${JSON.stringify(stray['status'])}`,
          requests: [filtered.url, window.url],
          expected: `${expected.length} runs ${idsOf(expected)}`,
          actual: `${filtered.runs.length} runs ${idsOf(filtered.runs)}`,
        },
      ];
    },
  };
}
