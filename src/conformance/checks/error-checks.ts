import type { CheckFailure } from '../check-result.js';
import { excerpt, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import { unknownThreadId } from './generated-inputs.js';

async function expectError(
  context: CheckContext,
  path: string,
  status: number,
  why: string,
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
    message: `${why}: expected ${status} with {"detail": "..."}`,
    requests: [response.url],
    expected: `${status} {"detail": "..."}`,
    actual: `${response.status} ${excerpt(response.text)}`,
  };
}

function errorCheck(
  id: string,
  description: string,
  cases: (context: CheckContext) => readonly { path: string; status: number; why: string }[],
): ConformanceCheck {
  return {
    id,
    description,
    async run(context) {
      const failures: CheckFailure[] = [];
      for (const { path, status, why } of cases(context)) {
        const failure = await expectError(context, path, status, why);
        if (failure !== undefined) failures.push(failure);
      }
      return failures;
    },
  };
}

/** The error checks: each bad input gets its declared status and an ErrorResponse body. */
export const errorChecks: readonly ConformanceCheck[] = [
  errorCheck('errors.invalid-thread-id', 'a thread id that is not a UUID gets 422 ErrorResponse', () => [
    { path: '/threads/not-a-uuid/runs', status: 422, why: 'thread id "not-a-uuid"' },
    { path: '/threads/12345/runs', status: 422, why: 'thread id "12345"' },
  ]),
  errorCheck(
    'errors.unknown-thread',
    'a well-formed UUID that names no thread gets 404 ErrorResponse',
    (context) => [
      {
        path: context.runsPath(unknownThreadId(context.seed)),
        status: 404,
        why: 'an unknown thread',
      },
    ],
  ),
  errorCheck(
    'errors.invalid-limit',
    'limit that is not a non-negative integer gets 422 ErrorResponse',
    (context) =>
      ['abc', '-1', '1.5', ''].map((value) => ({
        path: context.runsPath(context.threadId, `limit=${value}`),
        status: 422,
        why: `limit=${JSON.stringify(value)}`,
      })),
  ),
  errorCheck(
    'errors.invalid-offset',
    'offset that is not a non-negative integer gets 422 ErrorResponse',
    (context) =>
      ['abc', '-1', '1.5', ''].map((value) => ({
        path: context.runsPath(context.threadId, `offset=${value}`),
        status: 422,
        why: `offset=${JSON.stringify(value)}`,
      })),
  ),
  errorCheck(
    'errors.invalid-status',
    "status outside the spec's filter enum gets 422 ErrorResponse",
    (context) =>
      ['bogus', 'SUCCESS'].map((value) => ({
        path: context.runsPath(context.threadId, `status=${value}`),
        status: 422,
        why: `status=${value}`,
      })),
  ),
  errorCheck(
    'errors.invalid-select',
    "select outside the spec's field enum gets 422 ErrorResponse",
    (context) =>
      ['bogus', 'run_id,status', ''].map((value) => ({
        path: context.runsPath(context.threadId, `select=${encodeURIComponent(value)}`),
        status: 422,
        why: `select=${JSON.stringify(value)}`,
      })),
  ),
];
