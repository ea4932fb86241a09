import { describe, it, expect } from 'vitest';
import { ValidationError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import type { ListRunsQuery } from '../../src/query/list-runs-query.js';
import { parseListRunsQuery } from '../../src/query/parse-list-runs-query.js';

/** The page a contract query asks for (the contract parser never returns a Python slice). */
function pageOf(parsed: ListRunsQuery): { offset: number; limit: number } {
  if (parsed.window.kind !== 'page') throw new Error('expected a page window');
  return parsed.window;
}

const THREAD_ID = '00000000-0000-4000-8000-000000000003';
const contract = getListRunsContract();

/** Builds the query string a client would send, repeated keys included, in the order given. */
function query(...pairs: readonly (readonly [string, string])[]): URLSearchParams {
  return new URLSearchParams(pairs.map(([key, value]): [string, string] => [key, value]));
}

/** Runs the parser on input it must reject and returns the `ValidationError`'s detail. */
function rejectionDetail(threadId: string, params: URLSearchParams): string {
  try {
    parseListRunsQuery(threadId, params);
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error(
    `expected a ValidationError for ${threadId}?${params.toString()}, but the query was accepted`,
  );
}

/** Python's list repr for values without quotes or escapes, written out so the test does not reuse the unit. */
function quotedList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

describe('parseListRunsQuery', () => {
  describe('with valid input', () => {
    it('applies the default limit 10 and offset 0 that the spec declares', () => {
      expect(contract.defaultLimit).toBe(10);
      expect(contract.defaultOffset).toBe(0);
      expect(parseListRunsQuery(THREAD_ID, new URLSearchParams())).toEqual({
        threadId: THREAD_ID,
        window: { kind: 'page', offset: contract.defaultOffset, limit: contract.defaultLimit },
        status: undefined,
        select: undefined,
      });
    });

    it('accepts limit=0', () => {
      expect(pageOf(parseListRunsQuery(THREAD_ID, query(['limit', '0']))).limit).toBe(0);
    });

    it('reads a leading zero as a decimal integer', () => {
      const parsed = parseListRunsQuery(THREAD_ID, query(['limit', '05'], ['offset', '010']));
      expect(pageOf(parsed).limit).toBe(5);
      expect(pageOf(parsed).offset).toBe(10);
    });

    it('accepts a huge limit and offset without capping them to a page size', () => {
      const huge = '99999999999999999999';
      const parsed = parseListRunsQuery(THREAD_ID, query(['limit', huge], ['offset', huge]));
      expect(pageOf(parsed).limit).toBeGreaterThanOrEqual(Number.MAX_SAFE_INTEGER);
      expect(pageOf(parsed).offset).toBeGreaterThanOrEqual(Number.MAX_SAFE_INTEGER);
    });

    it('returns the limit and offset it was given', () => {
      const parsed = parseListRunsQuery(THREAD_ID, query(['limit', '3'], ['offset', '25']));
      expect(pageOf(parsed).limit).toBe(3);
      expect(pageOf(parsed).offset).toBe(25);
    });

    it.each(contract.statusFilterValues)('accepts status=%s from the status filter enum', (status) => {
      expect(parseListRunsQuery(THREAD_ID, query(['status', status])).status).toBe(status);
    });

    it('returns repeated select keys in the schema order, not the request order', () => {
      const parsed = parseListRunsQuery(THREAD_ID, query(['select', 'status'], ['select', 'run_id']));
      expect(parsed.select).toEqual(['run_id', 'status']);
    });

    it('returns every selectable field in the order the Run schema declares them', () => {
      const reversed = [...contract.selectableFields].reverse();
      const parsed = parseListRunsQuery(THREAD_ID, query(...reversed.map((f) => ['select', f] as const)));
      expect(parsed.select).toEqual(contract.runFields.filter((f) => contract.selectableFields.includes(f)));
    });

    it('collapses a field selected more than once', () => {
      const parsed = parseListRunsQuery(
        THREAD_ID,
        query(['select', 'status'], ['select', 'run_id'], ['select', 'status']),
      );
      expect(parsed.select).toEqual(['run_id', 'status']);
    });

    it('ignores query parameters it does not know, including differently cased names', () => {
      const parsed = parseListRunsQuery(
        THREAD_ID,
        query(['foo', 'bar'], ['LIMIT', 'abc'], ['Status', 'nope'], ['select[]', 'foo']),
      );
      expect(parsed).toEqual({
        threadId: THREAD_ID,
        window: { kind: 'page', offset: contract.defaultOffset, limit: contract.defaultLimit },
        status: undefined,
        select: undefined,
      });
    });

    it('accepts an upper-case UUID and returns it as sent', () => {
      const upper = 'ABCDEF01-2345-4678-89AB-CDEF01234567';
      expect(parseListRunsQuery(upper, new URLSearchParams()).threadId).toBe(upper);
    });

    it('returns every parameter together when all are valid', () => {
      const parsed = parseListRunsQuery(
        THREAD_ID,
        query(['limit', '2'], ['offset', '4'], ['status', 'error'], ['select', 'created_at']),
      );
      expect(parsed).toEqual({
        threadId: THREAD_ID,
        window: { kind: 'page', offset: 4, limit: 2 },
        status: 'error',
        select: ['created_at'],
      });
    });
  });

  describe('with an invalid thread id', () => {
    it.each([
      { name: 'a word', threadId: 'not-a-uuid' },
      { name: 'an empty id', threadId: '' },
      { name: 'a UUID without dashes', threadId: '00000000000040008000000000000003' },
      { name: 'a UUID in braces', threadId: `{${THREAD_ID}}` },
      { name: 'a UUID with a trailing newline', threadId: `${THREAD_ID}\n` },
      { name: 'a UUID with a non-hex digit', threadId: '00000000-0000-4000-8000-00000000000g' },
    ])('rejects $name', ({ threadId }) => {
      expect(rejectionDetail(threadId, new URLSearchParams())).toBe('Invalid thread ID: must be a UUID');
    });
  });

  describe.each(['limit', 'offset'])('with an invalid %s', (parameter) => {
    it.each([
      { name: 'a word', values: ['abc'], mentions: ["'abc'"] },
      { name: 'a decimal fraction', values: ['1.5'], mentions: ["'1.5'"] },
      { name: 'a negative number', values: ['-1'], mentions: ["'-1'"] },
      { name: 'an empty value', values: [''], mentions: ["''"] },
      { name: 'a leading space', values: [' 5'], mentions: ["' 5'"] },
      { name: 'exponent notation', values: ['1e3'], mentions: ["'1e3'"] },
      { name: 'a value given twice', values: ['1', '2'], mentions: ["['1', '2']"] },
    ])('rejects $name and names the parameter and the value', ({ values, mentions }) => {
      const detail = rejectionDetail(THREAD_ID, query(...values.map((value) => [parameter, value] as const)));
      expect(detail).toMatch(new RegExp(`^Invalid ${parameter}\\b`));
      for (const fragment of mentions) expect(detail).toContain(fragment);
    });
  });

  describe('with an invalid status', () => {
    const allowed = `Expected one of: ${contract.statusFilterValues.join(', ')}`;

    it('relies on a spec where runs can be running but the filter cannot ask for it', () => {
      expect(contract.runStatuses).toContain('running');
      expect(contract.statusFilterValues).not.toContain('running');
    });

    it.each([
      { name: 'running, a run status the filter enum lacks', values: ['running'], mentions: ["'running'"] },
      { name: 'a value in the wrong case', values: ['SUCCESS'], mentions: ["'SUCCESS'"] },
      { name: 'an empty value', values: [''], mentions: ["''"] },
      { name: 'a value given twice', values: ['success', 'error'], mentions: ["['success', 'error']"] },
    ])('rejects $name and lists the allowed values', ({ values, mentions }) => {
      const detail = rejectionDetail(THREAD_ID, query(...values.map((value) => ['status', value] as const)));
      expect(detail).toMatch(/^Invalid status\b/);
      for (const fragment of mentions) expect(detail).toContain(fragment);
      expect(detail).toContain(allowed);
    });
  });

  describe('with invalid select columns', () => {
    const expected = `Expected: ${quotedList(contract.selectableFields)}`;

    it.each([
      { name: 'an unknown field', values: ['foo'], invalid: ['foo'] },
      { name: 'an empty value', values: [''], invalid: [''] },
      { name: 'comma-joined fields', values: ['run_id,status'], invalid: ['run_id,status'] },
      { name: 'a JSON array string', values: ['["run_id"]'], invalid: ['["run_id"]'] },
      { name: 'valid and unknown fields mixed', values: ['run_id', 'foo', 'bar'], invalid: ['foo', 'bar'] },
    ])('rejects $name and quotes only the bad values', ({ values, invalid }) => {
      const detail = rejectionDetail(THREAD_ID, query(...values.map((value) => ['select', value] as const)));
      expect(detail).toMatch(/^Invalid select columns: \[.*\]\. Expected: \[.*\]$/);
      expect(detail).toContain(`Invalid select columns: ${quotedList(invalid)}.`);
      expect(detail).toContain(expected);
    });
  });

  describe('with several problems at once', () => {
    const badThread = 'not-a-uuid';

    // The query strings list the parameters in reverse check order, so the reported one is not
    // simply the first one in the string.
    it.each([
      {
        name: 'thread id and limit',
        threadId: badThread,
        search: 'limit=abc',
        reported: /^Invalid thread ID\b/,
      },
      {
        name: 'everything',
        threadId: badThread,
        search: 'select=foo&status=running&offset=-1&limit=abc',
        reported: /^Invalid thread ID\b/,
      },
      {
        name: 'limit and offset',
        threadId: THREAD_ID,
        search: 'offset=-1&limit=abc',
        reported: /^Invalid limit\b/,
      },
      {
        name: 'limit and select',
        threadId: THREAD_ID,
        search: 'select=foo&limit=1.5',
        reported: /^Invalid limit\b/,
      },
      {
        name: 'every query parameter',
        threadId: THREAD_ID,
        search: 'select=foo&status=running&offset=-1&limit=abc',
        reported: /^Invalid limit\b/,
      },
      {
        name: 'offset and status',
        threadId: THREAD_ID,
        search: 'status=running&offset=x',
        reported: /^Invalid offset\b/,
      },
      {
        name: 'offset, status and select',
        threadId: THREAD_ID,
        search: 'select=foo&status=running&offset=x',
        reported: /^Invalid offset\b/,
      },
      {
        name: 'status and select',
        threadId: THREAD_ID,
        search: 'select=foo&status=running',
        reported: /^Invalid status\b/,
      },
      {
        name: 'select only, after valid paging and filter',
        threadId: THREAD_ID,
        search: 'select=foo&status=success&offset=0&limit=1',
        reported: /^Invalid select columns\b/,
      },
    ])('reports the first problem in check order for $name', ({ threadId, search, reported }) => {
      expect(rejectionDetail(threadId, new URLSearchParams(search))).toMatch(reported);
    });
  });
});
