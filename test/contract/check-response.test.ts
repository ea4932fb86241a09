import { describe, expect, it } from 'vitest';
import { checkResponse, type Exchange } from '../../src/contract/check-response.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import type { Run } from '../../src/store/run.js';

const THREAD = '00000000-0000-4000-8000-000000000003';
const RUNS = `/threads/${THREAD}/runs`;
const store = createSeededStore({ threads: 0 });
const page: readonly Run[] = store.listRuns({ threadId: THREAD, offset: 0, limit: 3 });
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

function exchange(
  url: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = JSON_TYPE,
): Exchange {
  return { request: { url }, status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

function kinds(result: ReturnType<typeof checkResponse>): string[] {
  return result.map((violation) => violation.kind);
}

describe('checkResponse', () => {
  it('passes a valid page of full runs', () => {
    expect(checkResponse(exchange(RUNS, 200, page))).toEqual([]);
  });

  it('passes valid 404 and 422 error bodies', () => {
    expect(checkResponse(exchange(RUNS, 404, { detail: 'Thread with ID x not found' }))).toEqual([]);
    expect(checkResponse(exchange(RUNS, 422, { detail: 'Invalid limit' }))).toEqual([]);
  });

  it.each([500, 400, 201, 204])('rejects the undeclared status %i', (status) => {
    expect(kinds(checkResponse(exchange(RUNS, status, { detail: 'x' })))).toEqual(['undeclared-status']);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['missing', undefined],
    ['application/jsonx', 'application/jsonx'],
  ])('rejects a %s content type', (_name, type) => {
    const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
    expect(kinds(checkResponse(exchange(RUNS, 200, page, headers)))).toContain('content-type');
  });

  it('accepts a +json content type', () => {
    expect(checkResponse(exchange(RUNS, 200, page, { 'Content-Type': 'application/problem+json' }))).toEqual(
      [],
    );
  });

  it('rejects a body that is not JSON', () => {
    expect(
      kinds(checkResponse(exchange(RUNS, 404, 'Not Found', { 'content-type': 'application/json' }))),
    ).toEqual(['invalid-json']);
  });

  it.each<[string, (run: Record<string, unknown>) => void, RegExp]>([
    ['a missing field', (run) => delete run['kwargs'], /must have required property 'kwargs'/],
    ['a status outside the enum', (run) => (run['status'] = 'done'), /\/0\/status must be equal to one of/],
    [
      'a non-RFC 3339 timestamp',
      (run) => (run['created_at'] = '2025-09-15 19:26:57'),
      /created_at must match format "date-time"/,
    ],
    ['a malformed run id', (run) => (run['run_id'] = 'abc'), /run_id must match format "uuid"/],
    [
      'a urn:uuid: run id',
      (run) => (run['run_id'] = `urn:uuid:${String(run['run_id'])}`),
      /run_id must match format "uuid"/,
    ],
    ['metadata that is not an object', (run) => (run['metadata'] = 'x'), /metadata must be object/],
  ])('rejects a run with %s', (_name, breakRun, message) => {
    const broken = structuredClone(page) as unknown as Record<string, unknown>[];
    breakRun(broken[0] as Record<string, unknown>);
    const violations = checkResponse(exchange(RUNS, 200, broken));
    expect(kinds(violations)).toContain('body-schema');
    expect(violations.map((violation) => violation.message).join('\n')).toMatch(message);
  });

  it('rejects an error body without a string detail', () => {
    expect(kinds(checkResponse(exchange(RUNS, 404, { message: 'x' })))).toEqual(['body-schema']);
    expect(kinds(checkResponse(exchange(RUNS, 422, { detail: 42 })))).toEqual(['body-schema']);
  });

  it('checks only the status of a HEAD answer', () => {
    expect(
      checkResponse({ request: { method: 'HEAD', url: RUNS }, status: 200, headers: {}, body: '' }),
    ).toEqual([]);
    expect(
      kinds(checkResponse({ request: { method: 'HEAD', url: RUNS }, status: 500, headers: {}, body: '' })),
    ).toEqual(['undeclared-status']);
  });
});

describe('checkResponse with select (projected schemas)', () => {
  const fields = getListRunsContract().selectableFields;
  const project = (selected: readonly string[]): Record<string, unknown>[] =>
    page.map((run) => Object.fromEntries(selected.map((field) => [field, run[field as keyof Run]])));
  const url = (selected: readonly string[]): string =>
    `${RUNS}?${selected.map((field) => `select=${field}`).join('&')}`;

  it.each(fields.map((field) => [field]))('passes exactly the selected field %s', (field) => {
    expect(checkResponse(exchange(url([field]), 200, project([field])))).toEqual([]);
  });

  it.each(fields.map((field) => [field]))(
    'rejects a page selecting %s that carries another field too',
    (field) => {
      const other = fields.find((candidate) => candidate !== field) ?? '';
      const violations = checkResponse(exchange(url([field]), 200, project([field, other])));
      expect(violations.map((violation) => violation.message)).toContain(
        `/0 must NOT have additional properties: '${other}'`,
      );
    },
  );

  it.each(fields.map((field) => [field]))('rejects a page selecting %s that lacks it', (field) => {
    const other = fields.find((candidate) => candidate !== field) ?? '';
    const violations = checkResponse(exchange(url([field, other]), 200, project([other])));
    expect(violations.map((violation) => violation.message)).toContain(
      `/0 must have required property '${field}'`,
    );
  });

  it('validates the selected values against their schemas', () => {
    const broken = project(['status']);
    (broken[0] as Record<string, unknown>)['status'] = 'done';
    expect(kinds(checkResponse(exchange(url(['status']), 200, broken)))).toEqual(['body-schema']);
  });

  it('ignores select values outside the enum (the server had to answer them with 422)', () => {
    expect(checkResponse(exchange(`${RUNS}?select=bogus`, 200, page))).toEqual([]);
  });
});
