import fc from 'fast-check';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';

/**
 * A few run ids every sequence draws from, so writes collide: the same id twice in a batch, in two
 * threads, after a delete, and in upper case.
 */
export const RUN_ID_POOL = [
  '5d1c2b7e-0f3a-4c6d-9e8f-1a2b3c4d5e6f',
  'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '00000000-0000-4000-8000-00000000abcd',
] as const;

/** Thread ids a sequence may create explicitly, besides the fixture's and the ones it learns. */
export const THREAD_ID_POOL = [
  '7e57da7a-0000-4000-8000-000000000001',
  '7e57da7a-0000-4000-8000-000000000002',
] as const;

/** Ids no UUID parser reads as canonical. */
const NOT_UUIDS = [
  'not-a-uuid',
  '',
  '5d1c2b7e0f3a4c6d9e8f1a2b3c4d5e6f',
  '{5d1c2b7e-0f3a-4c6d-9e8f-1a2b3c4d5e6f}',
  '5d1c2b7e-0f3a-4c6d-9e8f-1a2b3c4d5e6g',
  ' 5d1c2b7e-0f3a-4c6d-9e8f-1a2b3c4d5e6f',
] as const;

/** An id in lower, upper or mixed case. */
export function anyCase(id: string, style: number): string {
  if (style % 3 === 1) return id.toUpperCase();
  if (style % 3 === 2) return id.replace(/[a-f]/g, (c, at: number) => (at % 2 === 0 ? c.toUpperCase() : c));
  return id;
}

/** A run id: from the pool (any case), fresh, or not a UUID at all. */
export function runIdArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.constantFrom(...RUN_ID_POOL), fc.nat(2)).map(([id, s]) => anyCase(id, s)),
    },
    { weight: 3, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...NOT_UUIDS, 42, null, ['x']) },
  );
}

/** A UUID for another field (thread_id, assistant_id), any case, or junk. */
export function uuidFieldArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.uuid(), fc.nat(2)).map(([id, s]) => anyCase(id, s)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...NOT_UUIDS, 7) },
  );
}

/**
 * Timestamps in many notations: valid RFC 3339 with every offset form and fraction width, the edges of
 * the calendar and of years 1–9999, leap seconds, and strings that only look like dates.
 */
export function timestampArbitrary(): fc.Arbitrary<unknown> {
  const composed = fc
    .record({
      year: fc.constantFrom('0000', '0001', '0099', '1969', '1970', '2016', '2024', '2026', '2099', '9999'),
      date: fc.constantFrom('01-01', '02-28', '02-29', '02-30', '06-15', '12-31', '13-01', '00-10', '04-31'),
      separator: fc.constantFrom('T', 't', ' '),
      time: fc.constantFrom('00:00:00', '12:34:56', '23:59:59', '23:59:60', '24:00:00', '12:60:00'),
      fraction: fc.constantFrom('', '', '.5', '.123456', '.000001', '.999999', '.1234567', '.999999999'),
      offset: fc.constantFrom(
        'Z',
        'z',
        '+00:00',
        '-00:00',
        '+05:30',
        '-08:00',
        '+14:00',
        '-23:59',
        '+24:00',
        '',
      ),
    })
    .map(
      ({ year, date, separator, time, fraction, offset }) =>
        `${year}-${date}${separator}${time}${fraction}${offset}`,
    );
  const others = fc.constantFrom<unknown>(
    '2016-12-31T23:59:60+00:00',
    '2016-12-31T23:59:60Z',
    '2017-01-01T05:29:60+05:30',
    '2024-01-01',
    '2024-01-01T00:00:00',
    '2024-01-01T00:00:00+0530',
    '2024-01-01T00:00:00 UTC',
    '20240101T000000Z',
    'Mon, 01 Jan 2024 00:00:00 GMT',
    '2024-W01-1T00:00:00Z',
    '+002024-01-01T00:00:00Z',
    '1700000000',
    1_700_000_000,
    '',
    null,
  );
  return fc.oneof({ weight: 5, arbitrary: composed }, { weight: 1, arbitrary: others });
}

/** Stands for the thread id of the request's path, in one of three cases; filled in when sent. */
export class PathThreadId {
  constructor(readonly style: number) {}
  toJSON(): string {
    return `<path thread id, case ${this.style}>`;
  }
}

/** A plain object with keys exactly as given, `__proto__` included as an own key (as JSON.parse makes it). */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** Keys that have broken JavaScript servers before, and ordinary ones. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  '0',
  '\u0000',
  'ключ',
];

/**
 * `{"k": {"k": …}}` or `[[…]]`, `depth` containers deep, as a placeholder: `JSON.stringify` overflows the
 * stack a few thousand levels down, so `toRequestBody` writes the nesting as text.
 */
export class DeepJson {
  constructor(
    readonly depth: number,
    readonly kind: 'object' | 'array',
  ) {}
  toJSON(): string {
    return `@@deep:${this.depth}:${this.kind}@@`;
  }
}

/** JSON text of a drawn value, `DeepJson` placeholders written out in full. */
export function toRequestBody(value: unknown): string {
  return JSON.stringify(value).replace(
    /"@@deep:(\d+):(object|array)@@"/g,
    (_, depth: string, kind: string) => {
      const n = Number(depth);
      return kind === 'object'
        ? `${'{"k":'.repeat(n)}"bottom"${'}'.repeat(n)}`
        : `${'['.repeat(n)}"bottom"${']'.repeat(n)}`;
    },
  );
}

/** `{"k": {"k": …}}` or `[[…]]`, `depth` containers deep, as a value (for the model's own tests). */
export function nested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { k: value } : [value];
  return value;
}

/** How a `metadata` or `kwargs` value is drawn; `depth` is the nesting of the deepest value inside. */
export function jsonObjectArbitrary(): fc.Arbitrary<unknown> {
  const small = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    { maxLength: 5 },
  );
  return fc.oneof(
    { weight: 8, arbitrary: small.map(objectOf) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 65, max: 5000 })), fc.boolean())
        .map(([depth, isObject]) => objectOf([['deep', new DeepJson(depth, isObject ? 'object' : 'array')]])),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(200_000, 1_100_000)
        .map((length) => objectOf([['huge', `\u2028\u0000é${'x'.repeat(length)}`]])),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], null, 'text', 3, [{ a: 1 }]) },
  );
}

/** A partial run: a few of the Run fields, now and then a hostile value or an unknown field. */
export function partialRunArbitrary(): fc.Arbitrary<unknown> {
  const contract = getListRunsContract();
  // Present once in `absent + 1` runs: most runs give few fields, so most writes can succeed.
  const field = <T>(absent: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
  const run = fc
    .record({
      run_id: field(2, runIdArbitrary()),
      thread_id: field(
        8,
        fc.oneof(
          { weight: 3, arbitrary: fc.nat(2).map((style) => new PathThreadId(style)) },
          { weight: 1, arbitrary: uuidFieldArbitrary() },
        ),
      ),
      assistant_id: field(8, uuidFieldArbitrary()),
      created_at: field(2, timestampArbitrary()),
      updated_at: field(5, timestampArbitrary()),
      status: field(
        2,
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom<unknown>(...contract.runStatuses) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>('PENDING', 'cancelled', '', 1, null) },
        ),
      ),
      metadata: field(2, jsonObjectArbitrary()),
      kwargs: field(4, jsonObjectArbitrary()),
      multitask_strategy: field(
        5,
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom<unknown>(...contract.multitaskStrategies) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>('Reject', 'merge', false) },
        ),
      ),
      extra: field(20, fc.constantFrom('__proto__', 'constructor', 'id', 'Status', 'values')),
    })
    .map(({ extra, ...fields }) => {
      const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
      if (extra !== undefined) entries.push([extra, { status: 'success' }]);
      return objectOf(entries);
    });
  return fc.oneof(
    { weight: 30, arbitrary: run },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'run', 7, [], [{}], new DeepJson(4100, 'array')) },
  );
}
