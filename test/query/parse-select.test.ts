import { describe, it, expect } from 'vitest';
import { ValidationError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { parseSelect } from '../../src/query/parse-select.js';

const contract = getListRunsContract();

/** `select` repeated once per value, in the order given. */
function selecting(...values: readonly string[]): URLSearchParams {
  return new URLSearchParams(values.map((value): [string, string] => ['select', value]));
}

/** Python's list repr of plain values, written out so that the test does not reuse the unit's helper. */
function quotedList(values: readonly string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

function parse(params: URLSearchParams): ReturnType<typeof parseSelect> {
  return parseSelect(params, contract.selectableFields, contract.runFields);
}

/** The `ValidationError` the parser throws for input it must reject. */
function rejection(params: URLSearchParams): ValidationError {
  try {
    parse(params);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`expected a ValidationError for ${params.toString()}, but select was accepted`);
}

describe('parseSelect', () => {
  it('returns undefined, meaning every field, when select is absent', () => {
    expect(parse(new URLSearchParams('limit=1'))).toBeUndefined();
  });

  it('returns the selected fields in the schema order, not the request order', () => {
    expect(parse(selecting('status', 'run_id'))).toEqual(['run_id', 'status']);
  });

  it('collapses a field selected more than once', () => {
    expect(parse(selecting('status', 'run_id', 'status'))).toEqual(['run_id', 'status']);
  });

  it('accepts every selectable field and orders them as the Run schema does', () => {
    const reversed = [...contract.selectableFields].reverse();
    expect(parse(selecting(...reversed))).toEqual(
      contract.runFields.filter((field) => contract.selectableFields.includes(field)),
    );
  });

  it.each([
    { name: 'an unknown field', values: ['foo'], invalid: ['foo'] },
    { name: 'an empty value', values: [''], invalid: [''] },
    { name: 'comma-joined fields', values: ['run_id,status'], invalid: ['run_id,status'] },
    { name: 'a field in the wrong case', values: ['RUN_ID'], invalid: ['RUN_ID'] },
    { name: 'valid and unknown fields mixed', values: ['run_id', 'foo', 'bar'], invalid: ['foo', 'bar'] },
    { name: 'an unknown field given twice', values: ['foo', 'foo'], invalid: ['foo', 'foo'] },
  ])('rejects $name, quoting only the bad values and listing the allowed ones', ({ values, invalid }) => {
    const allowed = quotedList(contract.selectableFields);
    const expected = `Invalid select columns: ${quotedList(invalid)}. Expected: ${allowed}`;
    expect(rejection(selecting(...values)).message).toBe(expected);
  });
});
