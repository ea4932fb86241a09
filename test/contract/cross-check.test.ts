import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, type Exchange } from '../../src/contract/check-response.js';
import { crossCheck, isCrossCheckClean, type CrossCheckResult } from '../../src/contract/cross-check.js';
import { type PrismFinding, type PrismOutputValidator } from '../../src/contract/prism-output-validator.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { sharedPrismValidator } from '../helpers/shared-prism-validator.js';

type RunJson = Record<string, unknown>;

const ALL_STATUSES = scenarioThreadId('all-statuses');
const MISSING_THREAD = '00000000-0000-4000-8000-0000000000ff';
const runsOf = (thread: string, query = ''): string => `/threads/${thread}/runs${query}`;
const SELECT_RUN_ID_AND_STATUS = runsOf(ALL_STATUSES, '?select=run_id&select=status');

let mock: MockServer;
let prism: PrismOutputValidator;
let fullPage: Exchange;
let selectPage: Exchange;

async function fetchExchange(path: string, method = 'GET'): Promise<Exchange> {
  const response = await fetch(`${mock.url}${path}`, { method });
  return {
    request: { method, url: path },
    status: response.status,
    headers: response.headers,
    body: await response.text(),
  };
}

/** `exchange` with its first run changed by `edit`, as a server with that bug would send it. */
function withFirstRun(exchange: Exchange, edit: (run: RunJson) => void): Exchange {
  const runs = JSON.parse(exchange.body) as RunJson[];
  const first = runs[0];
  if (first === undefined) throw new Error('test: the page is empty');
  edit(first);
  return { ...exchange, body: JSON.stringify(runs) };
}

/** Runs both real validators on `exchange` and compares them. */
function crossCheckBoth(exchange: Exchange): CrossCheckResult {
  return crossCheck(exchange, checkResponse(exchange), prism.validate(exchange));
}

function missingRequired(field: string, index = 0): PrismFinding {
  return {
    message: `Response body property ${index} must have required property '${field}'`,
    path: ['body', String(index)],
    code: 'required',
    severity: 'error',
  };
}

beforeAll(async () => {
  prism = await sharedPrismValidator();
  mock = await createMockServer({ seed: 23, threads: 2, host: '127.0.0.1', port: 0 });
  fullPage = await fetchExchange(runsOf(ALL_STATUSES));
  selectPage = await fetchExchange(SELECT_RUN_ID_AND_STATUS);
});
afterAll(() => mock.close());

describe('crossCheck on the mock’s real responses', () => {
  it.each<[string, string, number, string]>([
    ['a full page', runsOf(ALL_STATUSES), 200, 'GET'],
    ['a select page', SELECT_RUN_ID_AND_STATUS, 200, 'GET'],
    ['a 404 for an unknown thread', runsOf(MISSING_THREAD), 404, 'GET'],
    ['a 422 for an unknown select column', runsOf(ALL_STATUSES, '?select=run_id&select=bogus'), 422, 'GET'],
    ['a HEAD of a full page', runsOf(ALL_STATUSES), 200, 'HEAD'],
  ])('passes %s through Ajv and Prism with no unexplained finding', async (_name, path, status, method) => {
    const exchange = await fetchExchange(path, method);
    expect(exchange.status).toBe(status);
    expect(checkResponse(exchange)).toEqual([]);
    const result = crossCheckBoth(exchange);
    expect(result.unexplainedPrismFindings).toEqual([]);
    expect(result.disagreements).toEqual([]);
    expect(isCrossCheckClean(result)).toBe(true);
  });
});

describe('crossCheck’s select rule', () => {
  it('sets aside exactly the missing-required findings of the fields the request left out', () => {
    const raw = prism.validate(selectPage);
    const result = crossCheckBoth(selectPage);
    const runs = JSON.parse(selectPage.body) as RunJson[];
    expect(raw.length).toBeGreaterThan(0);
    expect(result.expectedPrismFindings).toEqual(raw);
    expect(result.expectedPrismFindings).toHaveLength(runs.length * 7);
    expect(result.unexplainedPrismFindings).toEqual([]);
  });

  it('keeps the finding for a selected field that is missing, which both sides then report', () => {
    const broken = withFirstRun(selectPage, (run) => delete run['status']);
    const result = crossCheckBoth(broken);
    expect(result.unexplainedPrismFindings).toEqual([missingRequired('status')]);
    expect(result.expectedPrismFindings.some((f) => f.message.endsWith("'status'"))).toBe(false);
    expect(checkResponse(broken)).not.toEqual([]);
    expect(result.disagreements).toEqual([]);
    expect(isCrossCheckClean(result)).toBe(false);
  });

  it('keeps missing-required findings when the request has no select', () => {
    const broken = withFirstRun(fullPage, (run) => delete run['kwargs']);
    const result = crossCheckBoth(broken);
    expect(result.expectedPrismFindings).toEqual([]);
    expect(result.unexplainedPrismFindings).toEqual([missingRequired('kwargs')]);
  });

  it.each([
    ['a status other than 200', 404, SELECT_RUN_ID_AND_STATUS],
    ['a select with an unknown column', 200, runsOf(ALL_STATUSES, '?select=run_id&select=bogus')],
  ])('keeps missing-required findings for %s (synthetic finding)', (_name, status, url) => {
    const exchange: Exchange = { request: { url }, status, headers: {}, body: '' };
    const result = crossCheck(exchange, [], [missingRequired('kwargs')]);
    expect(result.expectedPrismFindings).toEqual([]);
    expect(result.unexplainedPrismFindings).toEqual([missingRequired('kwargs')]);
  });

  it('keeps other findings on a non-selected field, such as a wrong type (synthetic finding)', () => {
    const wrongType: PrismFinding = {
      message: 'Response body property 0.kwargs must be object',
      path: ['body', '0', 'kwargs'],
      code: 'type',
      severity: 'error',
    };
    const result = crossCheck(selectPage, [], [wrongType]);
    expect(result.unexplainedPrismFindings).toEqual([wrongType]);
  });
});

describe('crossCheck on broken responses', () => {
  it.each<[string, (run: RunJson) => void]>([
    ['a wrong type', (run) => (run['kwargs'] = 'x')],
    ['a status outside the enum', (run) => (run['status'] = 'done')],
    ['a missing field', (run) => delete run['created_at']],
    ['a malformed uuid', (run) => (run['assistant_id'] = '1234')],
    ['a timestamp that is not RFC 3339', (run) => (run['updated_at'] = '2026-06-01 12:00')],
  ])('finds the same fault as Ajv in a run with %s, so the two agree', (_name, edit) => {
    const broken = withFirstRun(fullPage, edit);
    const result = crossCheckBoth(broken);
    expect(checkResponse(broken)).not.toEqual([]);
    expect(result.unexplainedPrismFindings).not.toEqual([]);
    expect(result.disagreements).toEqual([]);
    expect(isCrossCheckClean(result)).toBe(false);
  });

  it('agrees with Ajv on a plain-text error body', () => {
    const plain: Exchange = {
      request: { url: runsOf(MISSING_THREAD) },
      status: 404,
      headers: { 'content-type': 'text/plain' },
      body: 'Not Found',
    };
    const result = crossCheckBoth(plain);
    expect(result.unexplainedPrismFindings).toHaveLength(2);
    expect(result.disagreements).toEqual([]);
  });

  it('agrees with Ajv on an undeclared 500 although Prism rates it only a warning', () => {
    const error: Exchange = { ...fullPage, status: 500, body: '{"detail": "boom"}' };
    const result = crossCheckBoth(error);
    expect(result.unexplainedPrismFindings).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(result.disagreements).toEqual([]);
    expect(isCrossCheckClean(result)).toBe(false);
  });
});

describe('crossCheck’s disagreements (real validators, real verdicts)', () => {
  it.each([
    // RFC 3339 offsets run to 23:59; Prism swaps ajv-formats' date-time for its own, which allows +24.
    ['an offset of +24:00', '2026-06-01T12:00:00+24:00'],
    // A leap second exists only at 23:59:60 UTC; Prism accepts second 60 at any offset.
    ['a leap second at 23:59:60+01:00', '2026-06-01T23:59:60+01:00'],
  ])('reports that only Ajv rejects a timestamp with %s', (_name, timestamp) => {
    const result = crossCheckBoth(withFirstRun(fullPage, (run) => (run['created_at'] = timestamp)));
    expect(result.unexplainedPrismFindings).toEqual([]);
    expect(result.disagreements).toEqual([
      {
        onlyInvalidFor: 'ajv',
        message: 'Ajv rejects what Prism accepts: /0/created_at must match format "date-time"',
      },
    ]);
    expect(isCrossCheckClean(result)).toBe(false);
  });

  it('reports that only Prism rejects a Content-Type with an empty parameter (valid in RFC 9110)', () => {
    const result = crossCheckBoth({
      ...fullPage,
      headers: { 'content-type': 'application/json; charset=utf-8;' },
    });
    expect(result.disagreements).toEqual([
      {
        onlyInvalidFor: 'prism',
        message:
          'Prism rejects what Ajv accepts: Prism cannot validate the response: invalid parameter format',
      },
    ]);
  });

  it('leaves a select page carrying an unselected field to Ajv alone: Prism cannot know select', () => {
    const exchange = withFirstRun(selectPage, (run) => (run['kwargs'] = {}));
    const ajv = checkResponse(exchange);
    expect(ajv.map((violation) => violation.message)).toContain(
      "/0 must NOT have additional properties: 'kwargs'",
    );
    const result = crossCheckBoth(exchange);
    expect(result.unexplainedPrismFindings).toEqual([]);
    expect(result.disagreements).toEqual([]);
  });
});
