import { describe, it, expect } from 'vitest';
import { BadRequestError, DomainError, ValidationError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { parseAgentServerQuery } from '../../src/query/parse-agent-server-query.js';
import { parseListRunsQuery } from '../../src/query/parse-list-runs-query.js';
import { resolveRunWindow } from '../../src/query/resolve-run-window.js';

const THREAD_ID = '00000000-0000-4000-8000-000000000003';
const SAFE = Number.MAX_SAFE_INTEGER;
const contract = getListRunsContract();

/** Builds the query string a client would send, repeated keys included, in the order given. */
function query(...pairs: readonly (readonly [string, string])[]): URLSearchParams {
  return new URLSearchParams(pairs.map(([key, value]): [string, string] => [key, value]));
}

/** Runs the parser on input it must reject and returns the domain error it throws. */
function rejection(threadId: string, params: URLSearchParams): DomainError {
  try {
    parseAgentServerQuery(threadId, params);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected a rejection for ${threadId}?${params.toString()}, but the query was accepted`);
}

/** The contract parser's detail for the same request, to show both profiles reject alike. */
function contractDetail(params: URLSearchParams): string {
  try {
    parseListRunsQuery(THREAD_ID, params);
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
  throw new Error(`expected the contract parser to reject ${params.toString()}`);
}

/** Python's `int()` ValueError text, the repr written out by hand in each row (checked with python3). */
function intError(repr: string): string {
  return `invalid literal for int() with base 10: ${repr}`;
}

describe('parseAgentServerQuery', () => {
  it('applies the default limit and offset that the spec declares', () => {
    expect(parseAgentServerQuery(THREAD_ID, new URLSearchParams())).toEqual({
      threadId: THREAD_ID,
      window: { kind: 'page', offset: contract.defaultOffset, limit: contract.defaultLimit },
      status: undefined,
      select: undefined,
    });
  });

  it('returns every parameter together when all are given', () => {
    const params = query(['limit', '2'], ['offset', '4'], ['status', 'running'], ['select', 'created_at']);
    expect(parseAgentServerQuery(THREAD_ID, params)).toEqual({
      threadId: THREAD_ID,
      window: { kind: 'page', offset: 4, limit: 2 },
      status: 'running',
      select: ['created_at'],
    });
  });

  it('ignores query parameters it does not know, including differently cased names', () => {
    const parsed = parseAgentServerQuery(THREAD_ID, query(['LIMIT', 'abc'], ['Select', 'foo'], ['x', '1']));
    expect(parsed.window).toEqual({
      kind: 'page',
      offset: contract.defaultOffset,
      limit: contract.defaultLimit,
    });
    expect(parsed.select).toBeUndefined();
  });

  describe('thread_id', () => {
    // Verified against python3: str(uuid.UUID(text)) for each row.
    it.each([
      { name: 'the canonical form', text: THREAD_ID, id: THREAD_ID },
      {
        name: 'upper case',
        text: 'ABCDEF01-2345-6789-ABCD-EF0123456789',
        id: 'abcdef01-2345-6789-abcd-ef0123456789',
      },
      {
        name: 'no hyphens',
        text: 'abcdef0123456789abcdef0123456789',
        id: 'abcdef01-2345-6789-abcd-ef0123456789',
      },
      { name: 'braces', text: `{${THREAD_ID}}`, id: THREAD_ID },
      { name: 'a urn:uuid: prefix', text: `urn:uuid:${THREAD_ID}`, id: THREAD_ID },
      { name: 'a urn:uuid: prefix in braces', text: `{urn:uuid:${THREAD_ID.toUpperCase()}}`, id: THREAD_ID },
      {
        name: 'a leading space within 32 characters',
        text: ' bcdef0123456789abcdef0123456789',
        id: '0bcdef01-2345-6789-abcd-ef0123456789',
      },
    ])('accepts $name and carries the canonical lower-case id', ({ text, id }) => {
      // The store quotes this id in its 404 detail, as the real server quotes its UUID object.
      expect(parseAgentServerQuery(text, new URLSearchParams()).threadId).toBe(id);
    });

    it.each([
      { name: 'a word', text: 'not-a-uuid' },
      { name: 'an empty id', text: '' },
      { name: '31 hex digits', text: 'abcdef0123456789abcdef012345678' },
      { name: 'a non-hex digit', text: '00000000-0000-4000-8000-00000000000g' },
      { name: 'a trailing space after the canonical form', text: `${THREAD_ID} ` },
      { name: 'an upper-case URN:UUID: prefix', text: `URN:UUID:${THREAD_ID}` },
    ])('rejects $name with a 422', ({ text }) => {
      const error = rejection(text, new URLSearchParams());
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toBe('Invalid thread ID: must be a UUID');
    });
  });

  describe.each(['limit', 'offset'] as const)('%s', (name) => {
    /** The value the window reports for this parameter (both stay non-negative here, so it is a page). */
    const read = (params: URLSearchParams): number => {
      const { window } = parseAgentServerQuery(THREAD_ID, params);
      if (window.kind !== 'page') throw new Error('expected a page window');
      return window[name];
    };

    it.each([
      { name: 'a plain number', value: '5', parsed: 5 },
      { name: 'a leading zero', value: '010', parsed: 10 },
      { name: 'surrounding spaces', value: ' 5 ', parsed: 5 },
      { name: 'tabs and newlines', value: '\t7\n', parsed: 7 },
      { name: 'a plus sign', value: '+5', parsed: 5 },
      { name: 'minus zero', value: '-0', parsed: 0 },
      { name: 'an underscore between digits', value: '1_0', parsed: 10 },
      { name: 'a number beyond 2^53', value: '99999999999999999999', parsed: SAFE },
    ])('reads $name as Python int() does', ({ value, parsed }) => {
      expect(read(query([name, value]))).toBe(parsed);
    });

    // Each detail checked against python3's str(ValueError) for int(value).
    it.each([
      { name: 'a word', value: 'abc', repr: "'abc'" },
      { name: 'a decimal fraction', value: '1.5', repr: "'1.5'" },
      { name: 'a fraction with a leading space', value: ' 1.5', repr: "' 1.5'" },
      { name: 'exponent notation', value: '1e3', repr: "'1e3'" },
      { name: 'an empty value', value: '', repr: "''" },
      { name: 'a leading underscore', value: '_1', repr: "'_1'" },
      { name: 'a trailing underscore', value: '1_', repr: "'1_'" },
      { name: 'a double underscore', value: '1__0', repr: "'1__0'" },
      { name: 'a hex literal', value: '0x1f', repr: "'0x1f'" },
      { name: 'an apostrophe, quoted with double quotes', value: "it's", repr: `"it's"` },
      { name: 'a newline inside, escaped', value: '1\n2', repr: "'1\\n2'" },
      {
        name: '198 letters, whose repr is exactly 200 characters',
        value: 'a'.repeat(198),
        repr: `'${'a'.repeat(198)}'`,
      },
      { name: '199 letters, whose repr is cut at 200', value: 'a'.repeat(199), repr: `'${'a'.repeat(199)}` },
      { name: '300 letters, whose repr is cut at 200', value: 'a'.repeat(300), repr: `'${'a'.repeat(199)}` },
      {
        name: '300 emoji, whose repr is cut by code point, not UTF-16 unit',
        value: '😀'.repeat(300),
        repr: `'${'😀'.repeat(199)}`,
      },
    ])('rejects $name with a 400 that quotes the original value', ({ value, repr }) => {
      const error = rejection(THREAD_ID, query([name, value]));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.message).toBe(intError(repr));
    });

    it('keeps the last of repeated values, ignoring a bad one before it', () => {
      expect(read(query([name, 'abc'], [name, '3'], [name, '7']))).toBe(7);
    });

    it('rejects a bad last value even when an earlier one is good', () => {
      expect(rejection(THREAD_ID, query([name, '3'], [name, 'x'])).message).toBe(intError("'x'"));
    });
  });

  describe('negative limit or offset', () => {
    it.each([
      { name: 'a negative limit', search: 'limit=-1', start: 0, stop: -1 },
      { name: 'a negative offset', search: 'offset=-3', start: -3, stop: 7 },
      { name: 'both negative', search: 'offset=-5&limit=-2', start: -5, stop: -7 },
      { name: 'a negative offset with a limit', search: 'offset=-5&limit=2', start: -5, stop: -3 },
      { name: 'a limit that ends before the offset', search: 'offset=5&limit=-2', start: 5, stop: 3 },
      { name: 'a huge negative offset', search: `offset=-${'9'.repeat(30)}`, start: -SAFE, stop: -SAFE },
      { name: 'a huge negative limit', search: `limit=-${'9'.repeat(30)}`, start: 0, stop: -SAFE },
      {
        name: 'huge values that cancel out',
        search: `offset=1${'0'.repeat(30)}&limit=-${'9'.repeat(29)}5`,
        start: SAFE,
        stop: 5,
      },
    ])('turns $name into the Python slice runs[offset:offset + limit]', ({ search, start, stop }) => {
      const { window } = parseAgentServerQuery(THREAD_ID, new URLSearchParams(search));
      expect(window).toEqual({ kind: 'python-slice', start, stop });
    });

    it.each([
      {
        name: 'offset=-2 with the default limit returns nothing, as [-2:8] is empty',
        search: 'offset=-2',
        expected: { offset: 38, limit: 0 },
      },
      {
        name: 'offset=-2 with limit=42 returns the two oldest runs',
        search: 'offset=-2&limit=42',
        expected: { offset: 38, limit: 2 },
      },
      {
        name: 'limit=-1 returns all but the oldest run',
        search: 'limit=-1',
        expected: { offset: 0, limit: 39 },
      },
      {
        name: 'offset=-50 is clamped to the newest run',
        search: 'offset=-50&limit=55',
        expected: { offset: 0, limit: 5 },
      },
    ])('on 40 runs, $name', ({ search, expected }) => {
      const { window } = parseAgentServerQuery(THREAD_ID, new URLSearchParams(search));
      expect(resolveRunWindow(window, 40)).toEqual(expected);
    });
  });

  describe('status', () => {
    it.each([
      { name: 'a filter value from the spec', value: 'success' },
      { name: 'running, which the contract filter lacks', value: 'running' },
      { name: 'a value in the wrong case', value: 'SUCCESS' },
      { name: 'an unknown value', value: 'bogus' },
      { name: 'an empty value', value: '' },
    ])('passes $name through unchanged', ({ value }) => {
      expect(parseAgentServerQuery(THREAD_ID, query(['status', value])).status).toBe(value);
    });

    it('keeps the last of repeated values', () => {
      const params = query(['status', 'error'], ['status', 'nope'], ['status', 'success']);
      expect(parseAgentServerQuery(THREAD_ID, params).status).toBe('success');
    });
  });

  describe('select', () => {
    it('returns the fields in the schema order, deduplicated', () => {
      const params = query(['select', 'status'], ['select', 'run_id'], ['select', 'status']);
      expect(parseAgentServerQuery(THREAD_ID, params).select).toEqual(['run_id', 'status']);
    });

    it.each([
      { name: 'an unknown field', values: ['foo'] },
      { name: 'valid and unknown fields mixed', values: ['run_id', 'foo', 'bar'] },
      { name: 'an empty value', values: [''] },
    ])('rejects $name with the same 422 detail as the contract parser', ({ values }) => {
      const params = query(...values.map((value) => ['select', value] as const));
      const error = rejection(THREAD_ID, params);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(/^Invalid select columns: \[.*\]\. Expected: \[.*\]$/);
      expect(error.message).toBe(contractDetail(params));
    });
  });

  describe('with several problems at once', () => {
    const allowed = contract.selectableFields.map((field) => `'${field}'`).join(', ');
    const selectDetail = `Invalid select columns: ['foo']. Expected: [${allowed}]`;

    // Query strings list the parameters in reverse check order, so the reported one is not simply the
    // first in the string; the error class shows the status (422 or 400) the client gets.
    it.each([
      {
        name: 'thread id and limit',
        threadId: 'nope',
        search: 'limit=abc',
        type: ValidationError,
        detail: 'Invalid thread ID: must be a UUID',
      },
      {
        name: 'everything',
        threadId: 'nope',
        search: 'select=foo&offset=x&limit=abc',
        type: ValidationError,
        detail: 'Invalid thread ID: must be a UUID',
      },
      {
        name: 'limit and offset',
        threadId: THREAD_ID,
        search: 'offset=x&limit=abc',
        type: BadRequestError,
        detail: intError("'abc'"),
      },
      {
        name: 'limit and select, the 400 before the 422',
        threadId: THREAD_ID,
        search: 'select=foo&limit=1.5',
        type: BadRequestError,
        detail: intError("'1.5'"),
      },
      {
        name: 'offset and select',
        threadId: THREAD_ID,
        search: 'select=foo&offset=x',
        type: BadRequestError,
        detail: intError("'x'"),
      },
      {
        name: 'select and an unknown status',
        threadId: THREAD_ID,
        search: 'status=bogus&select=foo',
        type: ValidationError,
        detail: selectDetail,
      },
    ])('reports the first problem in check order for $name', ({ threadId, search, type, detail }) => {
      const error = rejection(threadId, new URLSearchParams(search));
      expect(error).toBeInstanceOf(type);
      expect(error.message).toBe(detail);
    });
  });
});
