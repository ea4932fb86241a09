import fc from 'fast-check';

/**
 * A well-formed v4 UUID derived from `seed`, for "unknown thread" probes: the chance that it names a real
 * thread is nil, and the same seed gives the same id, so a failure can be replayed.
 */
export function unknownThreadId(seed: number): string {
  const [id] = fc.sample(fc.uuid({ version: 4 }), { seed, numRuns: 1 });
  if (id === undefined) throw new Error('fast-check produced no sample');
  return id;
}

const PARAMETER_NAMES = ['limit', 'offset', 'status', 'select', 'unknown', 'LIMIT'] as const;

/**
 * Query strings a List Runs client might send, valid or not: known and unknown keys, repeated keys,
 * empty values, signs, decimals, exponents, huge numbers, enum values in odd case, and percent-junk.
 */
export function queryStringArbitrary(
  selectable: readonly string[],
  statuses: readonly string[],
): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.nat({ max: 200 }).map(String),
    fc.integer({ min: -5, max: -1 }).map(String),
    fc.constantFrom('', '1.5', '1e3', '1e309', '99999999999999999999', '+3', ' 7', 'abc', '%ZZ', '__proto__'),
    fc.constantFrom(...selectable, ...statuses, 'running', 'SUCCESS', 'run_id,status', '["run_id"]'),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const pair = fc.tuple(fc.constantFrom(...PARAMETER_NAMES), value).map(([key, v]) => `${key}=${v}`);
  return fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.join('&'));
}
