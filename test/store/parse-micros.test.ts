import { describe, expect, it } from 'vitest';
import { parseMicros } from '../../src/store/parse-micros.js';

describe('parseMicros', () => {
  it('returns the microseconds since the epoch of a stored timestamp, to the microsecond', () => {
    expect(parseMicros('1970-01-01T00:00:01.000001+00:00')).toBe(1_000_001);
    expect(parseMicros('2025-09-15T19:26:57.584811+00:00')).toBe(1_757_964_417_584_811);
  });

  it('throws a RangeError for text that is not a timestamp', () => {
    expect(() => parseMicros('yesterday')).toThrow(RangeError);
  });
});
