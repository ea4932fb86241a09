import type { CheckFailure } from '../check-result.js';
import { excerpt, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import type { ProbeResponse } from '../http-probe.js';
import { causeOfViolation } from '../violation-cause.js';

/** One failure per distinct cause of contract violation in each response, with the first detail of it. */
export function violationsOf(responses: readonly ProbeResponse[]): CheckFailure[] {
  return responses.flatMap((response) => {
    const hasSelect = new URL(response.url).searchParams.has('select');
    const byCause = new Map<string, string[]>();
    for (const violation of response.violations) {
      const cause = causeOfViolation(violation, response.status, hasSelect);
      byCause.set(cause, [...(byCause.get(cause) ?? []), violation.message]);
    }
    return [...byCause.entries()].map(([cause, messages]) => ({
      cause,
      message: cause,
      requests: [response.url],
      expected: 'a response valid for the status declared in the spec',
      actual: `${response.status}: ${excerpt(messages.join('; '))}`,
    }));
  });
}

async function fetchAll(context: CheckContext, paths: readonly string[]): Promise<ProbeResponse[]> {
  const responses: ProbeResponse[] = [];
  for (const path of paths) responses.push(await context.probe.get(path));
  return responses;
}

/** Every 200 body is a valid `Run[]`, with a JSON content type. */
export const schemaRunsCheck: ConformanceCheck = {
  id: 'schema.runs',
  level: 'spec',
  description:
    'default, paged and filtered lists are valid Run[] (uuid ids, RFC 3339 timestamps, enums) served as JSON',
  async run(context) {
    const paths = [
      context.runsPath(context.threadId),
      context.runsPath(context.threadId, 'limit=25'),
      context.runsPath(context.threadId, 'limit=5&offset=5'),
      ...context.contract.statusFilterValues.map((status) =>
        context.runsPath(context.threadId, `status=${status}`),
      ),
    ];
    return violationsOf(await fetchAll(context, paths));
  },
};

/** A `select` response matches the projection of exactly the selected fields. */
export const schemaSelectCheck: ConformanceCheck = {
  id: 'schema.select',
  level: 'spec',
  description: 'a select response holds exactly the selected fields, each valid for its schema',
  async run(context) {
    const fields = context.contract.selectableFields;
    const paths = [
      ...fields.map((field) => context.runsPath(context.threadId, `select=${field}&limit=5`)),
      context.runsPath(context.threadId, `${fields.map((field) => `select=${field}`).join('&')}&limit=5`),
    ];
    return violationsOf(await fetchAll(context, paths));
  },
};

/** Error responses are declared statuses with an `ErrorResponse` JSON body. */
export const schemaErrorsCheck: ConformanceCheck = {
  id: 'schema.errors',
  level: 'spec',
  description: 'error responses use a declared status and a JSON ErrorResponse body {"detail": "..."}',
  async run(context) {
    const paths = [
      '/threads/not-a-uuid/runs',
      context.runsPath('00000000-0000-4000-8000-00000000dead'),
      context.runsPath(context.threadId, 'limit=abc'),
      context.runsPath(context.threadId, 'select=bogus'),
    ];
    return violationsOf(await fetchAll(context, paths));
  },
};

/** Prism, judging every response the suite received, reaches the same verdict as the Ajv checks. */
export const prismAgreementCheck: ConformanceCheck = {
  id: 'schema.prism-agreement',
  level: 'spec',
  description:
    "Prism's validator, judging every response of the run but model.combinations' generated ones, agrees with Ajv",
  run(context) {
    const failures = context.probe
      .history()
      .filter((response) => response.prismDisagreements.length > 0)
      .map((response) => ({
        cause: `Ajv and Prism disagree on a ${response.status} answer`,
        message: `Ajv and Prism disagree: ${response.prismDisagreements.join('; ')}`,
        requests: [response.url],
        expected: 'the same verdict from both validators',
        actual: `${response.status} ${response.text.slice(0, 120)}`,
      }));
    return Promise.resolve(failures);
  },
};
