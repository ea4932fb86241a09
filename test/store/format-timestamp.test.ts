import { describe, it, expect } from 'vitest';
import { formatTimestamp } from '../../src/store/format-timestamp.js';

const PYTHON_ISOFORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

describe('formatTimestamp', () => {
  it('writes microseconds and a +00:00 offset, as Python isoformat() does', () => {
    expect(formatTimestamp(Date.UTC(2025, 8, 15, 19, 26, 57, 584) * 1000 + 811)).toBe(
      '2025-09-15T19:26:57.584811+00:00',
    );
  });

  it.each([
    { name: 'no microseconds at all', micros: 0, fraction: '000000' },
    { name: 'one microsecond', micros: 5, fraction: '000005' },
    { name: 'sub-millisecond only', micros: 999, fraction: '000999' },
    { name: 'one millisecond', micros: 1000, fraction: '001000' },
    { name: 'milliseconds and microseconds', micros: 12_345, fraction: '012345' },
    { name: 'the last microsecond of a second', micros: 999_999, fraction: '999999' },
  ])('zero-pads the fraction for $name', ({ micros, fraction }) => {
    const second = Date.UTC(2026, 5, 1, 12, 0, 0) * 1000;
    expect(formatTimestamp(second + micros)).toBe(`2026-06-01T12:00:00.${fraction}+00:00`);
  });

  it('writes the epoch', () => {
    expect(formatTimestamp(0)).toBe('1970-01-01T00:00:00.000000+00:00');
  });

  it('carries into the next second, minute, day and year', () => {
    expect(formatTimestamp(Date.UTC(2026, 0, 1) * 1000)).toBe('2026-01-01T00:00:00.000000+00:00');
    expect(formatTimestamp(Date.UTC(2026, 0, 1) * 1000 - 1)).toBe('2025-12-31T23:59:59.999999+00:00');
  });

  it('counts back before the epoch without a negative fraction', () => {
    expect(formatTimestamp(-1)).toBe('1969-12-31T23:59:59.999999+00:00');
  });

  it('keeps the order of instants as string order', () => {
    const base = Date.UTC(2026, 5, 1, 12) * 1000;
    const instants = [base - 1_000_001, base - 1000, base - 1, base, base + 1, base + 999, base + 1_000_000];
    const texts = instants.map(formatTimestamp);
    expect([...texts].sort()).toEqual(texts);
    for (const text of texts) expect(text).toMatch(PYTHON_ISOFORMAT);
  });
});
