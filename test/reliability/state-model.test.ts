import { describe, expect, it } from 'vitest';
import { expectAppend, jsonDepth } from '../../scripts/state-fuzz/expected-append.js';
import { expectedTimestamp } from '../../scripts/state-fuzz/expected-timestamp.js';
import { nested, objectOf, RUN_ID_POOL } from '../../scripts/state-fuzz/hostile-values.js';
import { fixtureModelThreads } from '../../scripts/state-fuzz/state-fixture.js';
import { StateModel } from '../../scripts/state-fuzz/state-model.js';

describe('expectedTimestamp (the model reading a client timestamp)', () => {
  it.each([
    { name: 'Z', text: '2024-01-02T03:04:05Z', expected: '2024-01-02T03:04:05.000000+00:00' },
    {
      name: 'lower-case t and z',
      text: '2024-01-02t03:04:05z',
      expected: '2024-01-02T03:04:05.000000+00:00',
    },
    {
      name: 'a space for T',
      text: '2024-01-02 03:04:05+00:00',
      expected: '2024-01-02T03:04:05.000000+00:00',
    },
    {
      name: 'a positive offset',
      text: '2024-01-01T05:30:00+05:30',
      expected: '2024-01-01T00:00:00.000000+00:00',
    },
    {
      name: 'a negative offset across midnight',
      text: '2023-12-31T20:00:00.5-08:00',
      expected: '2024-01-01T04:00:00.500000+00:00',
    },
    { name: '-00:00', text: '2024-01-01T00:00:00-00:00', expected: '2024-01-01T00:00:00.000000+00:00' },
    {
      name: 'nine fraction digits, cut to six',
      text: '2024-01-01T00:00:00.123456789Z',
      expected: '2024-01-01T00:00:00.123456+00:00',
    },
    { name: 'a leap day', text: '2024-02-29T00:00:00Z', expected: '2024-02-29T00:00:00.000000+00:00' },
    { name: 'year 1', text: '0001-01-01T00:00:00Z', expected: '0001-01-01T00:00:00.000000+00:00' },
    { name: 'year 9999', text: '9999-12-31T23:59:59.999999Z', expected: '9999-12-31T23:59:59.999999+00:00' },
  ])('normalises $name', ({ text, expected }) => {
    expect(expectedTimestamp(text)).toBe(expected);
  });

  it.each([
    { name: 'a leap second', text: '2016-12-31T23:59:60Z' },
    { name: 'a leap second with an offset', text: '2017-01-01T05:29:60+05:30' },
    { name: 'year 0', text: '0000-06-01T00:00:00Z' },
    { name: 'year 0 even when UTC is year 1', text: '0000-12-31T23:59:59-08:00' },
    { name: 'year 1 before UTC', text: '0001-01-01T00:00:00+01:00' },
    { name: 'past year 9999 in UTC', text: '9999-12-31T23:00:00-01:00' },
    { name: 'no offset', text: '2024-01-01T00:00:00' },
    { name: 'an offset without a colon', text: '2024-01-01T00:00:00+0530' },
    { name: 'an offset of 24 hours', text: '2024-01-01T00:00:00+24:00' },
    { name: 'hour 24', text: '2024-01-01T24:00:00Z' },
    { name: '29 February of a common year', text: '2023-02-29T00:00:00Z' },
    { name: '31 April', text: '2024-04-31T00:00:00Z' },
    { name: 'a date alone', text: '2024-01-01' },
    { name: 'an HTTP date', text: 'Mon, 01 Jan 2024 00:00:00 GMT' },
    { name: 'a number', text: 1_700_000_000 },
  ])('refuses $name', ({ text }) => {
    expect(expectedTimestamp(text)).toBeUndefined();
  });
});

describe('jsonDepth', () => {
  it('counts containers, not scalars, and survives thousands of levels', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(jsonDepth(nested(5000, 'array'))).toBe(5000);
  });
});

describe('expectAppend (the model judging an append)', () => {
  const model = new StateModel(fixtureModelThreads());
  const [a, b] = [...model.threads.keys()] as [string, string];
  const judge = (body: unknown, thread = a): ReturnType<typeof expectAppend> =>
    expectAppend(model, thread, body, Buffer.byteLength(JSON.stringify(body)));
  const statuses = (body: unknown, thread = a): number[] => {
    const verdict = judge(body, thread);
    return verdict.ok ? [201] : [...verdict.statuses].sort();
  };

  it('accepts a partial run and normalises what it gives', () => {
    const verdict = judge({ run_id: RUN_ID_POOL[0].toUpperCase(), created_at: '2024-01-01T00:00:00Z' });
    expect(verdict).toEqual({
      ok: true,
      runs: [{ fields: { run_id: RUN_ID_POOL[0], created_at: '2024-01-01T00:00:00.000000+00:00' } }],
    });
  });

  it.each([
    {
      name: 'a run id another thread holds',
      body: { run_id: RUN_ID_POOL[3].toUpperCase() },
      thread: b,
      expected: [409],
    },
    {
      name: 'one id twice in a batch',
      body: [{ run_id: RUN_ID_POOL[0] }, { run_id: RUN_ID_POOL[0].toUpperCase() }],
      expected: [409, 422],
    },
    { name: 'a second running run', body: { status: 'running' }, expected: [409] },
    { name: 'metadata 65 levels deep', body: { metadata: nested(65, 'object') }, expected: [422] },
    { name: 'a __proto__ field', body: objectOf([['__proto__', { status: 'error' }]]), expected: [422] },
    { name: 'a leap second', body: { created_at: '2016-12-31T23:59:60Z' }, expected: [422] },
    {
      name: 'updated_at before created_at',
      body: { created_at: '2024-01-02T00:00:00Z', updated_at: '2024-01-01T00:00:00Z' },
      expected: [422],
    },
    {
      name: 'a thread that does not exist',
      body: {},
      thread: '7e57da7a-0000-4000-8000-000000000009',
      expected: [404],
    },
    {
      name: 'an empty batch on an unknown thread',
      body: [],
      thread: '7e57da7a-0000-4000-8000-000000000009',
      expected: [404],
    },
    {
      name: 'a batch over the limit',
      body: Array.from({ length: 10_001 }, () => ({})),
      expected: [413, 422],
    },
  ])('refuses $name', ({ body, thread, expected }) => {
    expect(statuses(body, thread)).toEqual(expected);
  });

  it('refuses a body over the cap with 413 only', () => {
    expect(expectAppend(model, a, {}, 1024 * 1024 + 1)).toMatchObject({
      ok: false,
      statuses: new Set([413]),
    });
  });

  it('allows metadata 64 levels deep, itself included', () => {
    expect(statuses({ metadata: nested(64, 'object') })).toEqual([201]);
  });
});
