import { parseTimestamp } from './parse-timestamp.js';

/**
 * Microseconds since the epoch of a timestamp the store holds (validated and normalised on the way in,
 * or generated). Exact: no digit is dropped, and no calendar is guessed.
 */
export function parseMicros(timestamp: string): number {
  const parsed = parseTimestamp(timestamp);
  if (typeof parsed === 'string') throw new RangeError(`not a stored timestamp: '${timestamp}'`);
  return parsed.micros;
}
