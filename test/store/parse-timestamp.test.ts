import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/store/parse-timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    { name: 'an offset', given: '2026-06-01T14:00:00.5+02:00', text: '2026-06-01T12:00:00.500000+00:00' },
    { name: 'Z', given: '2026-06-01T12:00:00Z', text: '2026-06-01T12:00:00.000000+00:00' },
    {
      name: 'a lower-case t and z',
      given: '2026-06-01t12:00:00.25z',
      text: '2026-06-01T12:00:00.250000+00:00',
    },
    {
      name: 'nanoseconds (dropped)',
      given: '2026-06-01T12:00:00.123456789Z',
      text: '2026-06-01T12:00:00.123456+00:00',
    },
    { name: 'the first instant', given: '0001-01-01T00:00:00Z', text: '0001-01-01T00:00:00.000000+00:00' },
    {
      name: 'the last instant',
      given: '9999-12-31T23:59:59.999999Z',
      text: '9999-12-31T23:59:59.999999+00:00',
    },
    {
      name: 'a negative offset across midnight',
      given: '2025-12-31T23:30:00-01:00',
      text: '2026-01-01T00:30:00.000000+00:00',
    },
    { name: 'a leap day', given: '2024-02-29T00:00:00+00:00', text: '2024-02-29T00:00:00.000000+00:00' },
  ])('normalises $name to UTC with microseconds', ({ given, text }) => {
    expect(parseTimestamp(given)).toMatchObject({ text });
  });

  it('counts exact microseconds since the epoch', () => {
    expect(parseTimestamp('1970-01-01T00:00:00.000001Z')).toEqual({
      micros: 1,
      text: '1970-01-01T00:00:00.000001+00:00',
    });
    expect(parseTimestamp('2026-06-01T12:00:00.000007+00:00')).toMatchObject({
      micros: Date.UTC(2026, 5, 1, 12) * 1000 + 7,
    });
  });

  it.each([
    { name: 'a leap second', given: '2016-12-31T23:59:60+00:00', problem: /leap second/ },
    { name: 'no offset', given: '2026-06-01T12:00:00', problem: /with an offset/ },
    { name: 'year 0000', given: '0000-01-01T00:00:00Z', problem: /year from 0001 to 9999/ },
    { name: 'a time before year 1 in UTC', given: '0001-01-01T00:30:00+01:00', problem: /must fall between/ },
    { name: 'a day that does not exist', given: '2026-02-29T00:00:00Z', problem: /no day 29/ },
    { name: 'month 13', given: '2026-13-01T00:00:00Z', problem: /no month 13/ },
    { name: 'hour 24', given: '2026-06-01T24:00:00Z', problem: /no time 24:00/ },
    { name: 'an offset of 24 hours', given: '2026-06-01T12:00:00+24:00', problem: /no offset/ },
    { name: 'a date only', given: '2026-06-01', problem: /RFC 3339/ },
  ])('refuses $name with a sentence saying why', ({ given, problem }) => {
    const result = parseTimestamp(given);
    expect(typeof result).toBe('string');
    expect(result).toMatch(problem);
  });
});
