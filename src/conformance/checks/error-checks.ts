import type { CheckFailure } from '../check-result.js';
import { excerpt, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import type { RuleLevel } from '../rule-level.js';
import { unknownThreadId } from './generated-inputs.js';

/** One bad request and the error status it must get. */
interface ErrorCase {
  readonly path: string;
  readonly status: number;
  readonly why: string;
}

async function expectError(
  context: CheckContext,
  { path, status, why }: ErrorCase,
): Promise<CheckFailure | undefined> {
  const response = await context.probe.get(path);
  const body = response.json;
  const isErrorBody =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { detail?: unknown }).detail === 'string';
  if (response.status === status && isErrorBody) return undefined;
  return {
    // The same wrong answer to several bad inputs is one cause: the value is in the example, not here.
    cause: `expected ${status} {"detail": "..."}, got ${response.status}${isErrorBody ? ' {"detail": "..."}' : ' without a {"detail"} body'}`,
    message: `${why}: expected ${status} with {"detail": "..."}`,
    requests: [response.url],
    expected: `${status} {"detail": "..."}`,
    actual: `${response.status} ${excerpt(response.text)}`,
  };
}

function errorCheck(
  id: string,
  level: RuleLevel,
  description: string,
  cases: (context: CheckContext) => readonly ErrorCase[],
): ConformanceCheck {
  return {
    id,
    level,
    description,
    async run(context) {
      const failures: CheckFailure[] = [];
      for (const errorCase of cases(context)) {
        const failure = await expectError(context, errorCase);
        if (failure !== undefined) failures.push(failure);
      }
      return failures;
    },
  };
}

function valueCases(context: CheckContext, name: string, values: readonly string[]): ErrorCase[] {
  return values.map((value) => ({
    path: context.runsPath(context.threadId, `${name}=${encodeURIComponent(value)}`),
    status: 422,
    why: `${name}=${JSON.stringify(value)}`,
  }));
}

/**
 * The error checks: each bad input gets its status and an ErrorResponse body. What the spec itself
 * rules out (a non-integer, a value outside the `select` enum) is `spec`; the thread-id answers are the
 * real server's `semantics`; what only the mock's contract profile rejects (the real server takes a
 * negative value as a slice, does not validate `status`, and lets the last repeated value win) is `strict`.
 */
export const errorChecks: readonly ConformanceCheck[] = [
  errorCheck(
    'errors.invalid-thread-id',
    'semantics',
    'a thread id that is not a UUID gets 422 ErrorResponse',
    () => [
      { path: '/threads/not-a-uuid/runs', status: 422, why: 'thread id "not-a-uuid"' },
      { path: '/threads/12345/runs', status: 422, why: 'thread id "12345"' },
    ],
  ),
  errorCheck(
    'errors.unknown-thread',
    'semantics',
    'a well-formed UUID that names no thread gets 404 ErrorResponse',
    (context) => [
      { path: context.runsPath(unknownThreadId(context.seed)), status: 404, why: 'an unknown thread' },
    ],
  ),
  errorCheck(
    'errors.invalid-limit',
    'spec',
    'a limit that is not an integer gets 422 ErrorResponse',
    (context) => valueCases(context, 'limit', ['abc', '1.5', '']),
  ),
  errorCheck(
    'errors.invalid-offset',
    'spec',
    'an offset that is not an integer gets 422 ErrorResponse',
    (context) => valueCases(context, 'offset', ['abc', '1.5', '']),
  ),
  errorCheck(
    'errors.invalid-select',
    'spec',
    "a select value outside the spec's field enum gets 422 ErrorResponse",
    (context) => valueCases(context, 'select', ['bogus']),
  ),
  errorCheck(
    'errors.invalid-status',
    'strict',
    "a status outside the spec's filter enum gets 422 ErrorResponse",
    (context) => valueCases(context, 'status', ['bogus', 'SUCCESS']),
  ),
  errorCheck(
    'errors.negative-paging',
    'strict',
    'a negative limit or offset gets 422 ErrorResponse',
    (context) => [...valueCases(context, 'limit', ['-1']), ...valueCases(context, 'offset', ['-1'])],
  ),
  errorCheck(
    'errors.repeated-parameter',
    'strict',
    'a repeated limit, offset or status gets 422 ErrorResponse',
    (context) =>
      ['limit=1&limit=2', 'offset=1&offset=2', 'status=success&status=error'].map((query) => ({
        path: context.runsPath(context.threadId, query),
        status: 422,
        why: query,
      })),
  ),
  errorCheck(
    'errors.select-form',
    'strict',
    'a comma-separated or empty select gets 422 ErrorResponse',
    (context) => valueCases(context, 'select', ['run_id,status', '']),
  ),
];
