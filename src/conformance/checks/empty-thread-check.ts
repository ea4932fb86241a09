import { excerpt, type ConformanceCheck } from '../conformance-check.js';

/** A thread with no runs lists as `200 []`, with or without a filter. */
export const emptyThreadCheck: ConformanceCheck = {
  id: 'empty-thread.lists-nothing',
  level: 'semantics',
  description: 'a thread with no runs answers 200 [] (needs an empty thread id)',
  async run(context) {
    if (context.emptyThreadId === undefined) return [];
    const failures = [];
    for (const query of ['', 'status=success', 'limit=0&offset=5']) {
      const response = await context.probe.get(context.runsPath(context.emptyThreadId, query));
      if (response.status !== 200 || !Array.isArray(response.json) || response.json.length > 0) {
        failures.push({
          cause: `the empty thread answered ${response.status}${response.status === 200 ? ' with runs' : ''} instead of 200 []`,
          message: 'the empty thread did not answer 200 []',
          requests: [response.url],
          expected: '200 []',
          actual: `${response.status} ${excerpt(response.text)}`,
        });
      }
    }
    return failures;
  },
};
