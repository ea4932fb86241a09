import { describe, it, expect } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { selectFields } from '../../src/query/select-fields.js';
import type { Run, RunField } from '../../src/store/run.js';

function createRun(): Run {
  // Frozen, so a projection that wrote to the run would throw instead of passing silently.
  return Object.freeze({
    run_id: '1f0a8c2e-0000-7000-8000-000000000001',
    thread_id: '00000000-0000-4000-8000-000000000003',
    assistant_id: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca',
    created_at: '2026-06-01T11:56:00.000000+00:00',
    updated_at: '2026-06-01T11:56:07.250000+00:00',
    status: 'success',
    metadata: Object.freeze({ graph_id: 'agent', source: 'test' }),
    kwargs: Object.freeze({ input: { messages: [] }, config: { tags: ['a'] } }),
    multitask_strategy: 'enqueue',
  });
}

function isRunField(run: Run, field: string): field is RunField {
  return Object.hasOwn(run, field);
}

describe('selectFields', () => {
  it('returns exactly the given fields with the run’s values', () => {
    const run = createRun();
    expect(selectFields(run, ['run_id', 'status'])).toStrictEqual({ run_id: run.run_id, status: 'success' });
  });

  it('keeps the order of the fields it is given', () => {
    const run = createRun();
    expect(Object.keys(selectFields(run, ['status', 'run_id', 'created_at']))).toEqual([
      'status',
      'run_id',
      'created_at',
    ]);
  });

  it('returns the run’s own objects, not copies', () => {
    const run = createRun();
    const projected = selectFields(run, ['metadata', 'kwargs']);
    expect(projected.metadata).toBe(run.metadata);
    expect(projected.kwargs).toBe(run.kwargs);
  });

  it('returns every field unchanged when every Run field of the spec is selected', () => {
    const run = createRun();
    const fields = getListRunsContract().runFields.filter((field) => isRunField(run, field));
    expect(fields).toHaveLength(Object.keys(run).length);
    const projected = selectFields(run, fields);
    expect(projected).toStrictEqual({ ...run });
    expect(Object.keys(projected)).toEqual(getListRunsContract().runFields);
  });

  it('returns an empty object for an empty list of fields', () => {
    expect(selectFields(createRun(), [])).toStrictEqual({});
  });

  it('returns a new object, leaving the run untouched', () => {
    const run = createRun();
    const projected = selectFields(run, ['run_id']);
    expect(projected).not.toBe(run);
    expect(run).toStrictEqual(createRun());
  });
});
