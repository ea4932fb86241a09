import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from '../check-result.js';
import { excerpt, type ConformanceCheck } from '../conformance-check.js';
import { fetchRuns } from './list-request.js';

/** `select` returns exactly the selected fields, each equal to the full run's value. */
export const selectCheck: ConformanceCheck = {
  id: 'select.fields',
  level: 'spec',
  description:
    'select returns exactly the selected fields (repeated keys, duplicates collapsed), values unchanged',
  async run(context) {
    const window = await context.window();
    const fields = context.contract.selectableFields;
    const sets: (readonly string[])[] = [
      ['run_id'],
      ['status', 'run_id'],
      ['created_at', 'metadata', 'kwargs'],
      ['status', 'status'],
      fields,
    ];
    const failures: CheckFailure[] = [];
    for (const set of sets) {
      const query = `${set.map((field) => `select=${field}`).join('&')}&limit=5`;
      const page = await fetchRuns(context, context.threadId, query);
      if (!page.ok) {
        failures.push(page.failure);
        continue;
      }
      const wanted = [...new Set(set)].sort();
      const bad = page.runs.findIndex((run, i) => {
        const full = window.runs[i];
        return (
          full === undefined ||
          !isDeepStrictEqual(Object.keys(run).sort(), wanted) ||
          wanted.some((field) => !isDeepStrictEqual(run[field], full[field]))
        );
      });
      if (bad !== -1 || page.runs.length !== Math.min(5, window.runs.length)) {
        const shown = page.runs[bad === -1 ? 0 : bad];
        const keys = shown === undefined ? [] : Object.keys(shown);
        failures.push({
          cause:
            page.runs.length !== Math.min(5, window.runs.length)
              ? 'select changes how many runs come back'
              : keys.some((key) => !wanted.includes(key))
                ? 'select returns fields that were not selected'
                : wanted.some((field) => !keys.includes(field))
                  ? 'select leaves out selected fields'
                  : 'select changes the values of the selected fields',
          message: `select=${set.join(',')} did not return exactly those fields of the same runs`,
          requests: [page.url, window.url],
          expected: `${Math.min(5, window.runs.length)} runs with keys ${wanted.join(', ')}, values as in the full list`,
          actual: `${page.runs.length} runs; run ${bad === -1 ? 0 : bad}: ${excerpt(shown)}`,
        });
      }
    }
    return failures;
  },
};
