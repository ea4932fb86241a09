import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../check-result.js';
import { compareInstants } from '../compare-instants.js';
import { excerpt, type ConformanceCheck } from '../conformance-check.js';

/** Runs come newest first. */
export const orderCheck: ConformanceCheck = {
  id: 'order.created-at-desc',
  level: 'semantics',
  description: 'runs come newest first: created_at, compared as instants, never increases down the list',
  async run(context) {
    const window = await context.window();
    const failures: CheckFailure[] = [];
    for (let i = 1; i < window.runs.length; i++) {
      const order = compareInstants(
        String(window.runs[i - 1]?.['created_at']),
        String(window.runs[i]?.['created_at']),
      );
      // An unreadable timestamp is schema.runs's finding, not an ordering one.
      if (order !== undefined && order < 0) {
        failures.push({
          cause: 'a run is listed before an older one: the list is not newest first',
          message: `run ${i} is newer than run ${i - 1}`,
          requests: [window.url],
          expected: 'created_at non-increasing',
          actual: `${String(window.runs[i - 1]?.['created_at'])} then ${String(window.runs[i]?.['created_at'])}`,
        });
        break;
      }
    }
    return failures;
  },
};

/** Every run belongs to the thread in the path. */
export const threadScopingCheck: ConformanceCheck = {
  id: 'scoping.thread-id',
  level: 'semantics',
  description: "every run's thread_id is the thread in the path",
  async run(context) {
    const window = await context.window();
    const stranger = window.runs.find(
      (run) => String(run['thread_id']).toLowerCase() !== context.threadId.toLowerCase(),
    );
    if (stranger === undefined) return [];
    return [
      {
        cause: 'a run of another thread is listed',
        message: 'a run of another thread is listed',
        requests: [window.url],
        expected: `thread_id ${context.threadId}`,
        actual: `run ${String(stranger['run_id'])} with thread_id ${String(stranger['thread_id'])}`,
      },
    ];
  },
};

/** The same request twice gives the same body. */
export const stabilityCheck: ConformanceCheck = {
  id: 'stability.repeat',
  level: 'semantics',
  description: 'the same request twice gives the same body',
  async run(context) {
    const failures: CheckFailure[] = [];
    for (const query of ['limit=20', 'limit=5&offset=3&select=run_id&select=status']) {
      const path = context.runsPath(context.threadId, query);
      const first = await context.probe.get(path);
      const second = await context.probe.get(path);
      if (first.status !== second.status || !isDeepStrictEqual(first.json, second.json)) {
        failures.push({
          cause: 'two identical requests got different answers',
          message: 'two identical requests got different answers',
          requests: [first.url, second.url],
          expected: `${first.status} ${excerpt(first.text)}`,
          actual: `${second.status} ${excerpt(second.text)}`,
        });
      }
    }
    return failures;
  },
};
