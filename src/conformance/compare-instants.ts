/** An RFC 3339 instant split into whole milliseconds since the epoch and the digits below them. */
interface Instant {
  readonly milliseconds: number;
  /** The fraction of a millisecond, as a number in [0, 1). */
  readonly belowMillisecond: number;
}

const FRACTION = /\.(\d+)/;

function instantOf(text: string): Instant | undefined {
  const digits = FRACTION.exec(text)?.[1] ?? '';
  // Date.parse keeps milliseconds only; the digits past them (Python writes microseconds) are kept aside.
  const milliseconds = Date.parse(
    text.replace(FRACTION, digits === '' ? '' : `.${digits.slice(0, 3).padEnd(3, '0')}`),
  );
  if (Number.isNaN(milliseconds)) return undefined;
  const below = digits.length > 3 ? Number(`0.${digits.slice(3)}`) : 0;
  return { milliseconds, belowMillisecond: below };
}

/**
 * Compares two timestamps as instants, not as strings: `…T00:00:00Z` and `…T00:00:00+00:00` are equal,
 * and microseconds count. Negative when `a` is earlier, positive when later, 0 when equal; undefined
 * when either is not a date-time (the schema checks report that).
 *
 * @example
 * compareInstants('2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00'); // 0
 */
export function compareInstants(a: string, b: string): number | undefined {
  const left = instantOf(a);
  const right = instantOf(b);
  if (left === undefined || right === undefined) return undefined;
  return left.milliseconds - right.milliseconds || left.belowMillisecond - right.belowMillisecond;
}
