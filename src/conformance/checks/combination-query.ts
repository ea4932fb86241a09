import fc from 'fast-check';
import type { WireRun } from '../conformance-check.js';

/** A valid List Runs query that combines a filter, a selection and a page. */
export interface CombinationQuery {
  readonly status: string | undefined;
  /** The `select` values in the order sent, a duplicate allowed; undefined for none. */
  readonly select: readonly string[] | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** What the combination queries are drawn from. */
export interface CombinationSpace {
  readonly statuses: readonly string[];
  readonly selectable: readonly string[];
  /** How many runs the model holds. */
  readonly size: number;
  /** False when the model holds only the thread's first runs: then no filter, and pages inside them. */
  readonly complete: boolean;
}

/**
 * Seeded valid queries: each filterable status or none; a non-empty subset of the selectable fields in
 * any order, sometimes with a duplicate, or none; `limit` 0, 1, small, around the thread's length or past
 * it; `offset` 0, small, the middle, the last run or past the end. Each part shrinks towards "absent" or
 * the smallest value, so a failure shrinks to the fewest parameters that still show it.
 */
export function combinationQueryArbitrary(space: CombinationSpace): fc.Arbitrary<CombinationQuery> {
  const n = space.size;
  const middle = Math.floor(n / 2);
  const limit = fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom(0, 1),
    fc.integer({ min: 2, max: 5 }),
    fc.integer({ min: Math.max(0, n - 2), max: n + 2 }),
    fc.integer({ min: n + 3, max: 2 * n + 10 }),
  );
  const offset = fc.oneof(
    { withCrossShrink: true },
    fc.constant(0),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: Math.max(0, middle - 1), max: middle + 1 }),
    fc.constant(Math.max(0, n - 1)),
    fc.integer({ min: n, max: n + 5 }),
  );
  const select = fc
    .tuple(fc.shuffledSubarray([...space.selectable], { minLength: 1 }), fc.boolean())
    .map(([fields, duplicate]) => (duplicate && fields[0] !== undefined ? [...fields, fields[0]] : fields));
  const status = space.complete ? fc.constantFrom(...space.statuses) : fc.constant(undefined);
  return fc
    .record({
      status: fc.option(status, { nil: undefined }),
      select: fc.option(select, { nil: undefined }),
      limit,
      offset,
    })
    .map((query) =>
      space.complete
        ? query
        : // Inside the known runs only: what follows them is not in the model.
          {
            ...query,
            offset: Math.min(query.offset, n),
            limit: Math.min(query.limit, n - Math.min(query.offset, n)),
          },
    );
}

/** The query string of a combination query (without `?`). */
export function combinationQueryString(query: CombinationQuery): string {
  return [
    ...(query.status === undefined ? [] : [`status=${encodeURIComponent(query.status)}`]),
    ...(query.select ?? []).map((field) => `select=${encodeURIComponent(field)}`),
    `limit=${query.limit}`,
    `offset=${query.offset}`,
  ].join('&');
}

/**
 * Where the answer's runs sit in the model: filter, then `slice(offset, offset + limit)`, with a known
 * `limit` cap applied (it is reported on its own).
 */
export function expectedPositions(
  model: readonly WireRun[],
  query: CombinationQuery,
  limitCap: number | undefined,
): number[] {
  const matching = [...model.keys()].filter(
    (index) => query.status === undefined || model[index]?.['status'] === query.status,
  );
  const limit = limitCap === undefined ? query.limit : Math.min(query.limit, limitCap);
  return matching.slice(query.offset, query.offset + limit);
}

/** What the server must answer: the runs at `positions`, projected to the selected fields in the schema's order. */
export function expectedAnswer(
  model: readonly WireRun[],
  positions: readonly number[],
  select: readonly string[] | undefined,
  runFields: readonly string[],
): WireRun[] {
  const runs = positions.map((index) => model[index] ?? {});
  if (select === undefined) return runs;
  const fields = runFields.filter((field) => select.includes(field));
  return runs.map((run) => Object.fromEntries(fields.map((field) => [field, run[field]])));
}
