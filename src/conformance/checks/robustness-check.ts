import fc from 'fast-check';
import type { CheckFailure } from '../check-result.js';
import { excerpt, type ConformanceCheck } from '../conformance-check.js';
import { causeOfViolation } from '../violation-cause.js';
import { queryStringArbitrary } from './generated-inputs.js';

/** How many generated queries the check sends; bounded so the suite stays fast against a real server. */
export const ROBUSTNESS_QUERIES = 60;

/** Generated valid and invalid queries never get a 5xx, and every answer honours the contract. */
export const robustnessCheck: ConformanceCheck = {
  id: 'robustness.generated-queries',
  level: 'spec',
  description: `${ROBUSTNESS_QUERIES} seeded generated queries, valid and invalid, never get a 5xx or break the contract`,
  async run(context) {
    const queries = fc.sample(
      queryStringArbitrary(context.contract.selectableFields, context.contract.statusFilterValues),
      { seed: context.seed, numRuns: ROBUSTNESS_QUERIES },
    );
    const failures: CheckFailure[] = [];
    for (const query of queries) {
      const response = await context.probe.get(context.runsPath(context.threadId, query));
      if (response.status >= 500) {
        failures.push({
          cause: `a generated query got a server error (${response.status})`,
          message: 'a generated query got a server error',
          requests: [response.url],
          expected: 'a 2xx or 4xx answer',
          actual: `${response.status} ${excerpt(response.text)}`,
        });
      } else if (response.violations.length > 0) {
        const hasSelect = new URL(response.url).searchParams.has('select');
        const [first] = response.violations;
        const cause =
          first === undefined
            ? 'a generated query got an answer that breaks the contract'
            : `a generated query got an answer that breaks the contract: ${causeOfViolation(first, response.status, hasSelect)}`;
        failures.push({
          cause,
          // The URL and the answer tell this case from the others; the cause says the rest.
          message: cause,
          requests: [response.url],
          expected: 'a response valid for its status',
          actual: `${response.status} ${excerpt(response.text)} (${excerpt(response.violations.map((violation) => violation.message).join('; '))})`,
        });
      }
    }
    return failures;
  },
};
