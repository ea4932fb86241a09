import type { CheckFailure } from '../check-result.js';
import type { CheckContext, ConformanceCheck } from '../conformance-check.js';
import type { ProbeResponse } from '../http-probe.js';

/** Failures for every contract violation in a set of responses. */
function violationsOf(responses: readonly ProbeResponse[]): CheckFailure[] {
  return responses.flatMap((response) =>
    response.violations.map((violation) => ({
      message: `response breaks the contract: ${violation.message}`,
      requests: [response.url],
      expected: 'a response valid for the status declared in the spec',
      actual: `${response.status} (${violation.kind})`,
    })),
  );
}

async function fetchAll(context: CheckContext, paths: readonly string[]): Promise<ProbeResponse[]> {
  const responses: ProbeResponse[] = [];
  for (const path of paths) responses.push(await context.probe.get(path));
  return responses;
}

/** Every 200 body is a valid `Run[]`, with a JSON content type. */
export const schemaRunsCheck: ConformanceCheck = {
  id: 'schema.runs',
  description: 'every list response is a valid Run[] (uuid ids, RFC 3339 timestamps, enums) served as JSON',
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
  description: "Prism's validator, judging every response of the run, agrees with the Ajv checks",
  run(context) {
    const failures = context.probe
      .history()
      .filter((response) => response.prismDisagreements.length > 0)
      .slice(0, 5)
      .map((response) => ({
        message: `Ajv and Prism disagree: ${response.prismDisagreements.join('; ')}`,
        requests: [response.url],
        expected: 'the same verdict from both validators',
        actual: `${response.status} ${response.text.slice(0, 120)}`,
      }));
    return Promise.resolve(failures);
  },
};
