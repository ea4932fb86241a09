import type { Agent } from 'node:http';
import { checkResponse } from '../src/contract/check-response.js';
import { MAX_URL_LENGTH } from '../src/core/max-url-length.js';
import { sendRawRequest, type RawAnswer, type RawRequest } from './send-raw-request.js';

/** What can be wrong with one answer to a fuzz request. */
export const FUZZ_PROBLEM_KINDS = [
  'no-answer',
  'server-error',
  'unexpected-status',
  'contract',
  'error-body',
  'leak',
] as const;

/** One kind of fuzz problem. */
export type FuzzProblemKind = (typeof FUZZ_PROBLEM_KINDS)[number];

/** One thing wrong with an answer, in words a person can act on. */
export interface FuzzProblem {
  readonly kind: FuzzProblemKind;
  readonly message: string;
}

/** A request, the status it got (undefined when none came) and what was wrong with the answer. */
export interface FuzzVerdict<Request extends RawRequest = RawRequest> {
  readonly request: Request;
  readonly status: number | undefined;
  readonly problems: readonly FuzzProblem[];
}

/** How `fuzzOnce` sends. */
export interface FuzzOnceOptions {
  /** A keep-alive pool shared by many cases; default a fresh connection per request. */
  readonly agent?: Agent;
  readonly timeoutMs?: number;
}

/**
 * The List Runs route exactly as the server matches it: on the raw path before the query, nothing
 * decoded or normalised (`src/core/list-runs-renderer.ts`).
 */
export const LIST_RUNS_PATH = /^\/threads\/[^/]+\/runs\/?$/;

/** What a stack trace or a source location looks like in a body; none may reach a client. */
const LEAK_MARKERS = ['    at ', '/node_modules/', '.ts:', '.js:'] as const;

/**
 * Sends one raw request and judges the answer: no 5xx; a List Runs read (GET or HEAD) passes the contract
 * check; any other error is a JSON `{"detail": "..."}`; other methods on List Runs get 405 (OPTIONS 204);
 * 414 only for a target over the mock's URL limit, 400 for one Node's parser refuses (raw non-ASCII
 * bytes); and no body shows a stack trace or a file path. Never throws: no answer is a problem too.
 *
 * @example
 * const verdict = await fuzzOnce(mock.url, { method: 'GET', path: '/threads/%ZZ/runs?limit=1e309' });
 */
export async function fuzzOnce<Request extends RawRequest>(
  baseUrl: string,
  request: Request,
  options: FuzzOnceOptions = {},
): Promise<FuzzVerdict<Request>> {
  let answer: RawAnswer;
  try {
    answer = await sendRawRequest({ baseUrl, ...options }, request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { request, status: undefined, problems: [{ kind: 'no-answer', message }] };
  }
  return { request, status: answer.status, problems: judgeFuzzAnswer(baseUrl, request, answer) };
}

/** The problems of one answer; empty when it is what the mock should say. */
export function judgeFuzzAnswer(baseUrl: string, request: RawRequest, answer: RawAnswer): FuzzProblem[] {
  const problems: FuzzProblem[] = [];
  const { status } = answer;
  const method = request.method.toUpperCase();
  const queryAt = request.path.indexOf('?');
  const path = queryAt === -1 ? request.path : request.path.slice(0, queryAt);
  const isListRuns = LIST_RUNS_PATH.test(path);
  const unexpected = (expected: string): void => {
    problems.push({ kind: 'unexpected-status', message: `${status}, expected ${expected}` });
  };

  if (status >= 500) problems.push({ kind: 'server-error', message: `${status} ${excerpt(answer.body)}` });
  problems.push(...leaks(request, answer));

  if (/[^\x21-\x7e]/.test(request.path)) {
    // Not a valid request target: Node's parser refuses it before routing, outside any contract.
    if (status !== 400) unexpected('400 (Node refuses raw non-ASCII bytes)');
    problems.push(...errorBodyProblems(method, answer));
  } else if (status === 414 || status === 431) {
    if (request.path.length <= MAX_URL_LENGTH) {
      unexpected(`no length limit for a ${request.path.length}-character target`);
    }
    problems.push(...errorBodyProblems(method, answer));
  } else if (isListRuns && (method === 'GET' || method === 'HEAD')) {
    const violations = checkResponse({
      request: { method, url: `${baseUrl}${request.path}` },
      status,
      headers: answer.headers,
      body: answer.body,
    });
    problems.push(
      ...violations.map((violation) => ({ kind: 'contract' as const, message: violation.message })),
    );
  } else if (isListRuns && method === 'OPTIONS') {
    if (status !== 204) unexpected('204');
  } else if (isListRuns) {
    if (status !== 405) unexpected('405');
    if (answer.headers['allow'] === undefined) {
      problems.push({ kind: 'error-body', message: '405 without an Allow header' });
    }
    problems.push(...errorBodyProblems(method, answer));
  } else {
    problems.push(...otherPathProblems(method, path, answer, unexpected));
  }
  return problems;
}

/** Paths outside List Runs: the control API may answer 2xx JSON, anything else only CORS or an error. */
function otherPathProblems(
  method: string,
  path: string,
  answer: RawAnswer,
  unexpected: (expected: string) => void,
): FuzzProblem[] {
  const { status } = answer;
  if (status < 200 || (status >= 300 && status < 400)) {
    unexpected('2xx or 4xx');
    return [];
  }
  if (status >= 400) return errorBodyProblems(method, answer);
  if (method !== 'OPTIONS' && !path.startsWith('/__mock')) {
    unexpected('4xx outside List Runs and the control API');
    return [];
  }
  if (method === 'HEAD') return [];
  if (status === 204) {
    return answer.body === ''
      ? []
      : [{ kind: 'error-body', message: `204 with a body: ${excerpt(answer.body)}` }];
  }
  if (!isJsonContentType(answer)) return [{ kind: 'error-body', message: `${status} is not JSON` }];
  try {
    JSON.parse(answer.body);
    return [];
  } catch {
    return [{ kind: 'error-body', message: `${status} body does not parse: ${excerpt(answer.body)}` }];
  }
}

/** An error answer must be JSON `{"detail": "<non-empty string>"}` and nothing else. */
function errorBodyProblems(method: string, answer: RawAnswer): FuzzProblem[] {
  if (method === 'HEAD') return [];
  const problems: FuzzProblem[] = [];
  if (!isJsonContentType(answer)) {
    problems.push({
      kind: 'error-body',
      message: `content-type is ${answer.headers['content-type'] ?? 'missing'}, expected application/json`,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    problems.push({ kind: 'error-body', message: `body is not JSON: ${excerpt(answer.body)}` });
    return problems;
  }
  const isDetail =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).join() === 'detail' &&
    typeof (body as { detail: unknown }).detail === 'string' &&
    (body as { detail: string }).detail !== '';
  if (!isDetail) {
    problems.push({ kind: 'error-body', message: `body is not {"detail": "..."}: ${excerpt(answer.body)}` });
  }
  return problems;
}

/** Stack frames and source paths in a body; a marker the request itself carries may be echoed back. */
function leaks(request: RawRequest, answer: RawAnswer): FuzzProblem[] {
  const echoable = `${request.path}\n${decodeLeniently(request.path)}\n${request.body ?? ''}`;
  return LEAK_MARKERS.filter((marker) => answer.body.includes(marker) && !echoable.includes(marker)).map(
    (marker) => ({
      kind: 'leak',
      message: `body contains ${JSON.stringify(marker)}: ${excerpt(answer.body)}`,
    }),
  );
}

function isJsonContentType(answer: RawAnswer): boolean {
  return /^application\/json\s*(?:;|$)/i.test(answer.headers['content-type'] ?? '');
}

/** Percent-decoding that never throws (bad escapes stay as they are), `+` read as a space. */
function decodeLeniently(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] === '+' ? ' ' : (text[i] ?? ''), 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}
