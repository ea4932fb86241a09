import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCanonicalRunCheck, type CanonicalRunCheck } from '../../src/control/canonical-run-check.js';
import { validateRun } from '../../src/control/validate-run.js';
import { createResponseValidators } from '../../src/contract/response-validators.js';
import { getListRunsContract, type ListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';

const ALL_STATUSES = '00000000-0000-4000-8000-000000000003';
const contract = getListRunsContract();
const validateBody = createResponseValidators().forStatus('200');
const isCanonical = createCanonicalRunCheck(contract) as CanonicalRunCheck;
const seededRuns = createSeededStore().listRuns({ threadId: ALL_STATUSES, limit: 40, offset: 0 });

type Fields = Record<string, unknown>;

/** The run with its fields in reverse order: not the server's form, so `validateRun` takes its full path. */
function reordered(run: Fields): Fields {
  return Object.fromEntries(Object.entries(run).reverse());
}

/**
 * The reference the check must equal, built without it: the full path of `validateRun` (Ajv against the
 * spec, then normalising) accepts the run and gives back exactly the same fields, in the same order.
 */
function storedAsGiven(run: Fields): boolean {
  const result = validateRun(reordered(run));
  return (
    result.ok &&
    isDeepStrictEqual(Object.keys(result.run), Object.keys(run)) &&
    isDeepStrictEqual({ ...result.run }, { ...run })
  );
}

/** One change to a run: some keep it valid but leave the server's form, the others make it invalid. */
const CHANGES: readonly { name: string; apply: (run: Fields) => Fields }[] = [
  { name: 'nothing', apply: (run) => run },
  { name: 'upper-case run_id', apply: (run) => ({ ...run, run_id: String(run['run_id']).toUpperCase() }) },
  {
    name: 'upper-case assistant_id',
    apply: (run) => ({ ...run, assistant_id: String(run['assistant_id']).toUpperCase() }),
  },
  {
    name: 'urn:uuid: prefix',
    apply: (run) => ({ ...run, thread_id: `urn:uuid:${String(run['thread_id'])}` }),
  },
  { name: 'not a UUID', apply: (run) => ({ ...run, run_id: 'run-1' }) },
  { name: 'a number for a UUID', apply: (run) => ({ ...run, run_id: 7 }) },
  {
    name: 'Z for +00:00',
    apply: (run) => ({ ...run, created_at: String(run['created_at']).replace('+00:00', 'Z') }),
  },
  { name: 'an offset', apply: (run) => ({ ...run, updated_at: '2026-06-01T14:00:00.000000+02:00' }) },
  {
    name: 'three fraction digits',
    apply: (run) => ({ ...run, created_at: '2020-01-01T00:00:00.000+00:00' }),
  },
  { name: 'a space for T', apply: (run) => ({ ...run, created_at: '2020-01-01 00:00:00.000000+00:00' }) },
  { name: 'a leap second', apply: (run) => ({ ...run, created_at: '2016-12-31T23:59:60.000000+00:00' }) },
  { name: 'February 30th', apply: (run) => ({ ...run, created_at: '2021-02-30T00:00:00.000000+00:00' }) },
  {
    name: 'February 29th of a leap year',
    apply: (run) => ({ ...run, created_at: '2000-02-29T00:00:00.000000+00:00' }),
  },
  {
    name: 'February 29th of 1900',
    apply: (run) => ({ ...run, created_at: '1900-02-29T00:00:00.000000+00:00' }),
  },
  { name: 'year 0000', apply: (run) => ({ ...run, created_at: '0000-06-01T00:00:00.000000+00:00' }) },
  { name: 'year 0001', apply: (run) => ({ ...run, created_at: '0001-01-01T00:00:00.000000+00:00' }) },
  {
    name: 'updated_at before created_at',
    apply: (run) => ({ ...run, updated_at: '2000-01-01T00:00:00.000000+00:00' }),
  },
  { name: 'updated_at equal to created_at', apply: (run) => ({ ...run, updated_at: run['created_at'] }) },
  { name: 'an unknown status', apply: (run) => ({ ...run, status: 'done' }) },
  { name: 'an upper-case status', apply: (run) => ({ ...run, status: 'SUCCESS' }) },
  { name: 'an unknown multitask_strategy', apply: (run) => ({ ...run, multitask_strategy: 'drop' }) },
  { name: 'null metadata', apply: (run) => ({ ...run, metadata: null }) },
  { name: 'an array for kwargs', apply: (run) => ({ ...run, kwargs: [] }) },
  { name: 'a string for metadata', apply: (run) => ({ ...run, metadata: '{}' }) },
  { name: 'an extra field', apply: (run) => ({ ...run, extra: 1 }) },
  {
    name: 'an own __proto__ field',
    apply: (run) => ({ ...run, ...(JSON.parse('{"__proto__": {}}') as Fields) }),
  },
  {
    name: 'a missing field',
    apply: (run) => Object.fromEntries(Object.entries(run).filter(([field]) => field !== 'status')),
  },
  {
    name: 'two fields swapped',
    apply: ({ run_id: runId, thread_id: threadId, ...rest }) => ({
      thread_id: threadId,
      run_id: runId,
      ...rest,
    }),
  },
  { name: 'fields in reverse', apply: reordered },
  { name: 'an integer key', apply: (run) => ({ ...run, 0: 'zero' }) },
];

/** The changes that leave a run in the server's form (valid dates written as the server writes them). */
const STILL_IN_FORM = new Set([
  'nothing',
  'February 29th of a leap year',
  'year 0001',
  'updated_at equal to created_at',
]);

describe('createCanonicalRunCheck', () => {
  it('is built from the spec this project ships', () => {
    expect(isCanonical).toBeTypeOf('function');
  });

  it('accepts every run the store serves: they are in the server form already', () => {
    expect(seededRuns.length).toBeGreaterThan(10);
    for (const run of seededRuns) expect(isCanonical({ ...run })).toBe(true);
  });

  it.each([...STILL_IN_FORM])('accepts a run changed by %s', (name) => {
    const change = CHANGES.find((candidate) => candidate.name === name);
    expect(isCanonical(change?.apply({ ...(seededRuns[0] as unknown as Fields) }) ?? {})).toBe(true);
  });

  it.each(CHANGES.filter(({ name }) => !STILL_IN_FORM.has(name)))('refuses a run with $name', ({ apply }) => {
    expect(isCanonical(apply({ ...(seededRuns[0] as unknown as Fields) }))).toBe(false);
  });

  it('refuses a run whose field comes from its prototype rather than being its own', () => {
    const { multitask_strategy: strategy, ...own } = seededRuns[0] as unknown as Fields;
    const run = Object.assign(Object.create({ multitask_strategy: strategy }) as Fields, own);
    expect(isCanonical(run)).toBe(false);
  });

  it('agrees with Ajv and normalising on any run changed in any of these ways', () => {
    const change = fc.constantFrom(...CHANGES);
    fc.assert(
      fc.property(fc.constantFrom(...seededRuns), fc.array(change, { maxLength: 3 }), (seeded, changes) => {
        const run = changes.reduce<Fields>((fields, { apply }) => apply(fields), { ...seeded });
        const canonical = isCanonical(run);
        expect(canonical).toBe(storedAsGiven(run));
        if (canonical) expect(validateBody?.([run])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('lets validateRun give the same verdict and run as its full path, without copying the run', () => {
    for (const seeded of seededRuns) {
      const run = { ...seeded } as Fields;
      const fast = validateRun(run);
      expect(fast).toEqual({ ok: true, run });
      expect(fast.ok && fast.run).toBe(run);
      expect(validateRun(reordered(run))).toEqual(fast);
    }
  });

  it('still refuses a run in the server form whose metadata nests too deep', () => {
    let deep: Fields = {};
    for (let level = 0; level < 100; level++) deep = { a: deep };
    const result = validateRun({ ...seededRuns[0], metadata: deep });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.field).toBe('metadata');
  });
});

describe('createCanonicalRunCheck on a spec it cannot read exactly', () => {
  /** The shipped contract with the Run schema (or the 200 body) edited. */
  function contractWith(edit: (run: Fields, body: Fields) => void): ListRunsContract {
    const schemas = structuredClone(contract.schemas) as Record<string, Fields>;
    const body = structuredClone(contract.responseSchemas['200']) as Fields;
    edit(schemas['Run'] as Fields, body);
    return { ...contract, schemas, responseSchemas: { ...contract.responseSchemas, '200': body } };
  }
  const properties = (run: Fields): Record<string, Fields> => run['properties'] as Record<string, Fields>;

  it.each([
    {
      name: 'a length limit on a field',
      edit: (run: Fields) => void ((properties(run)['status'] as Fields)['maxLength'] = 3),
    },
    { name: 'additionalProperties', edit: (run: Fields) => void (run['additionalProperties'] = false) },
    {
      name: 'an optional field',
      edit: (run: Fields) => void (run['required'] = (run['required'] as string[]).slice(1)),
    },
    {
      name: 'a format it does not know',
      edit: (run: Fields) => void ((properties(run)['run_id'] as Fields)['format'] = 'email'),
    },
    {
      name: 'a number field',
      edit: (run: Fields) => void ((properties(run)['status'] as Fields)['type'] = 'integer'),
    },
    {
      name: 'a nullable field',
      edit: (run: Fields) => void ((properties(run)['metadata'] as Fields)['type'] = ['object', 'null']),
    },
    {
      name: 'a 200 body that is not a plain array of runs',
      edit: (_run: Fields, body: Fields) => void (body['maxItems'] = 5),
    },
  ])('returns no check for $name, so Ajv checks every run', ({ edit }) => {
    expect(createCanonicalRunCheck(contractWith(edit))).toBeUndefined();
  });

  it('returns a check for the spec as shipped, edited in nothing but annotations', () => {
    const check = createCanonicalRunCheck(
      contractWith((run) => void ((properties(run)['status'] as Fields)['description'] = 'changed')),
    );
    expect(check?.({ ...(seededRuns[0] as unknown as Fields) })).toBe(true);
  });
});
