import { describe, expect, it } from 'vitest';
import { isRfc3339DateTime } from '../../src/contract/rfc3339-date-time.js';

describe('isRfc3339DateTime', () => {
  it.each([
    ['the Agent Server format', '2025-09-15T19:26:57.584811+00:00'],
    ['Z', '2025-09-15T19:26:57Z'],
    ['lower-case t and z', '2025-09-15t19:26:57z'],
    ['a space separator (RFC 3339 note)', '2025-09-15 19:26:57Z'],
    ['a negative offset', '2025-09-15T19:26:57-07:30'],
    ['29 February of a leap year', '2024-02-29T00:00:00Z'],
    ['29 February of 2000', '2000-02-29T00:00:00Z'],
    ['a leap second at 23:59:60 UTC', '2016-12-31T23:59:60Z'],
    ['a leap second at 23:59:60 UTC, written in +01:00', '2017-01-01T00:59:60+01:00'],
  ])('accepts %s', (_name, text) => {
    expect(isRfc3339DateTime(text)).toBe(true);
  });

  it.each([
    ['no offset', '2025-09-15T19:26:57'],
    ['no seconds', '2025-09-15T19:26Z'],
    ['an offset without a colon', '2025-09-15T19:26:57+0000'],
    ['an hour-only offset', '2025-09-15T19:26:57+01'],
    ['a +24:00 offset', '2025-09-15T19:26:57+24:00'],
    ['month 13', '2025-13-01T00:00:00Z'],
    ['day 0', '2025-01-00T00:00:00Z'],
    ['31 April', '2025-04-31T00:00:00Z'],
    ['29 February of a common year', '2025-02-29T00:00:00Z'],
    ['29 February of 1900', '1900-02-29T00:00:00Z'],
    ['hour 24', '2025-09-15T24:00:00Z'],
    ['minute 60', '2025-09-15T23:60:00Z'],
    ['a leap second away from 23:59 UTC', '2016-12-31T23:59:60+01:00'],
    ['second 61', '2016-12-31T23:59:61Z'],
    ['a date alone', '2025-09-15'],
    ['trailing text', '2025-09-15T19:26:57Zx'],
    ['an empty fraction', '2025-09-15T19:26:57.Z'],
  ])('rejects %s', (_name, text) => {
    expect(isRfc3339DateTime(text)).toBe(false);
  });
});
