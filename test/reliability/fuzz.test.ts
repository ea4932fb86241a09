import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeFuzzAnswer } from '../../scripts/fuzz-once.js';
import { FUZZ_REQUEST_KINDS, fuzzRequestArbitrary } from '../../scripts/fuzz-requests.js';
import { fuzzCase, runFuzz, type FuzzFailure } from '../../scripts/run-fuzz.js';
import type { RawAnswer, RawRequest } from '../../scripts/send-raw-request.js';
import { sendRawRequest } from '../../scripts/send-raw-request.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

// A fixed seed, so a failure here is the same failure on every machine: replay one case with
// `npm run fuzz -- --seed 20260601 --case <n>`. `npm run fuzz` draws 100,000 from a fresh seed.
const SEED = 20_260_601;
const CASES = 2500;
const LIVENESS_EVERY = 250;

const ALL_STATUSES = scenarioThreadId('all-statuses');

function describeFailure(failure: FuzzFailure): string {
  const problems = failure.problems.map((problem) => `${problem.kind}: ${problem.message}`).join('; ');
  return `case ${failure.caseIndex}: ${failure.request.method} ${failure.request.path} -> ${failure.status ?? 'no answer'}: ${problems}`;
}

describe('fuzzing the mock with raw requests', () => {
  let mock: MockServer;
  const logged: string[] = [];

  beforeAll(async () => {
    mock = await createMockServer({
      threads: 3,
      host: '127.0.0.1',
      port: 0,
      logError: (message) => {
        logged.push(message);
      },
    });
  });
  afterAll(() => mock.close());

  it(`answers ${CASES} seeded raw requests without a 5xx, a contract violation or a leak, and keeps answering`, async () => {
    const report = await runFuzz({
      baseUrl: mock.url,
      cases: CASES,
      seed: SEED,
      concurrency: 8,
      livenessEvery: LIVENESS_EVERY,
      livenessThreadId: ALL_STATUSES,
    });

    expect(report.failures.map(describeFailure)).toEqual([]);
    expect(report.liveness).toEqual({ checks: CASES / LIVENESS_EVERY, failed: 0 });
    expect(logged).toEqual([]);
    for (const kind of FUZZ_REQUEST_KINDS) expect(report.byKind[kind], kind).toBeGreaterThan(0);
    // A run that answered nothing but 404s would pass vacuously.
    for (const status of ['200', '404', '405', '422']) {
      expect(report.byStatus[status] ?? 0, status).toBeGreaterThan(CASES / 50);
    }
  }, 60_000);

  it('answers a plain List Runs request with a full page after the fuzzing', async () => {
    const answer = await sendRawRequest(
      { baseUrl: mock.url },
      { method: 'GET', path: `/threads/${ALL_STATUSES}/runs` },
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveLength(10);
  });
});

describe('fuzzCase', () => {
  it('draws the same request for the same seed and case, whatever ran before', () => {
    expect(fuzzCase(SEED, 41)).toEqual(fuzzCase(SEED, 41));
    expect(fuzzCase(SEED, 41)).not.toEqual(fuzzCase(SEED, 42));
    expect(fuzzCase(SEED + 1, 41)).not.toEqual(fuzzCase(SEED, 41));
  });
});

describe('fuzzRequestArbitrary', () => {
  const requests = fc.sample(fuzzRequestArbitrary(), { seed: SEED, numRuns: 4000 });

  it.each([
    { name: '__proto__', pattern: /__proto__/ },
    { name: 'constructor[prototype]', pattern: /constructor\[prototype\]/ },
    { name: '1e309', pattern: /=1e309(&|$)/ },
    { name: 'a negative number', pattern: /=-\d/ },
    { name: 'a number past 2^53', pattern: /=9{20}/ },
    { name: 'a repeated key', pattern: /[?&](limit|offset|status)=[^&]*&(.*&)?\1=/ },
    { name: 'an empty value', pattern: /[?&](limit|offset|status|select)=(&|$)/ },
    { name: 'percent-encoded unicode', pattern: /%F0%[89AB][0-9A-F]/ },
    { name: 'a bad escape', pattern: /%(ZZ|C3%28)/ },
    { name: 'an encoded slash in the id', pattern: /^\/threads\/[^/?]*%2F/ },
    { name: 'a dot segment', pattern: /\/\.\.\// },
    { name: 'a value of 8 KB', pattern: /=[^&]{8192}/ },
    { name: 'an id of 4 KB', pattern: /^\/threads\/[^/]{4096}/ },
  ])('draws $name', ({ pattern }) => {
    expect(requests.some((request) => pattern.test(request.path))).toBe(true);
  });

  it('draws control API reads only, never writes', () => {
    const control = requests.filter((request) => request.path.startsWith('/__mock'));
    expect(control.length).toBeGreaterThan(0);
    for (const request of control) expect(['GET', 'HEAD', 'OPTIONS']).toContain(request.method);
  });

  it('keeps every target to printable ASCII but the non-ASCII share', () => {
    for (const request of requests) {
      expect(/^[\x21-\x7e]+$/.test(request.path), request.path).toBe(request.kind !== 'non-ascii');
    }
  });
});

describe('judgeFuzzAnswer', () => {
  const base = 'http://127.0.0.1:1';
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const listRuns = `/threads/${ALL_STATUSES}/runs`;
  const get = (path: string): RawRequest => ({ method: 'GET', path });
  const answer = (status: number, body: string, headers: Record<string, string> = json): RawAnswer => ({
    status,
    headers,
    body,
  });

  it.each([
    {
      name: 'a 500',
      request: get('/__mock/threads/%ZZ'),
      answer: answer(500, '{"detail":"Internal Server Error"}'),
      kind: 'server-error',
    },
    {
      name: 'a List Runs 200 that is not an array',
      request: get(listRuns),
      answer: answer(200, '{"runs":[]}'),
      kind: 'contract',
    },
    {
      name: 'a List Runs status the contract does not declare',
      request: get(listRuns),
      answer: answer(400, '{"detail":"Bad Request"}'),
      kind: 'contract',
    },
    {
      name: 'a plain-text 404',
      request: get('/nowhere'),
      answer: answer(404, 'Not Found', { 'content-type': 'text/plain' }),
      kind: 'error-body',
    },
    {
      name: 'an error body with more than a detail',
      request: get('/nowhere'),
      answer: answer(404, '{"detail":"Not Found","stack":"x"}'),
      kind: 'error-body',
    },
    {
      name: 'a stack trace in a detail',
      request: get(`/threads/x/runs`),
      answer: answer(422, '{"detail":"Error\\n    at parse (/app/src/query/parse.ts:10:3)"}'),
      kind: 'leak',
    },
    {
      name: 'a 405 without Allow',
      request: { method: 'POST', path: listRuns },
      answer: answer(405, '{"detail":"Method Not Allowed"}'),
      kind: 'error-body',
    },
    {
      name: 'a POST to List Runs that succeeds',
      request: { method: 'POST', path: listRuns },
      answer: answer(200, '[]', { ...json, allow: 'GET' }),
      kind: 'unexpected-status',
    },
    {
      name: 'a 414 for a short target',
      request: get(`${listRuns}?limit=1`),
      answer: answer(414, '{"detail":"URI Too Long"}'),
      kind: 'unexpected-status',
    },
    {
      name: 'a 200 outside List Runs and the control API',
      request: get('/threads'),
      answer: answer(200, '[]'),
      kind: 'unexpected-status',
    },
  ])('flags $name', ({ request, answer: given, kind }) => {
    expect(judgeFuzzAnswer(base, request, given).map((problem) => problem.kind)).toContain(kind);
  });

  it.each([
    {
      name: 'a 422 for a junk id',
      request: get('/threads/../runs?limit=1e309'),
      answer: answer(422, '{"detail":"Invalid thread ID: must be a UUID"}'),
    },
    {
      name: 'an echoed value that looks like a file position',
      request: get(`${listRuns}?limit=a.js:1`),
      answer: answer(422, `{"detail":"Invalid limit: 'a.js:1' is not a non-negative integer"}`),
    },
    {
      name: 'a JSON 414 for a target over the limit',
      request: get(`${listRuns}?x=${'a'.repeat(9000)}`),
      answer: answer(414, '{"detail":"URI Too Long"}'),
    },
    {
      name: 'a JSON 400 for raw non-ASCII bytes',
      request: get(`${listRuns}?limit=\u00e9`),
      answer: answer(400, '{"detail":"Bad Request"}'),
    },
    {
      name: 'a 405 with Allow',
      request: { method: 'PUT', path: listRuns },
      answer: answer(405, '{"detail":"Method Not Allowed"}', { ...json, allow: 'GET, HEAD, OPTIONS' }),
    },
    { name: 'a preflight', request: { method: 'OPTIONS', path: '/anywhere' }, answer: answer(204, '', {}) },
    { name: 'a control API read', request: get('/__mock/threads'), answer: answer(200, '[]') },
  ])('passes $name', ({ request, answer: given }) => {
    expect(judgeFuzzAnswer(base, request, given)).toEqual([]);
  });
});
