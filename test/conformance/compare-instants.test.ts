import { describe, it, expect } from 'vitest';
import { compareInstants } from '../../src/conformance/compare-instants.js';

describe('compareInstants', () => {
  it.each([
    { name: 'Z and +00:00', a: '2025-01-01T00:00:00Z', b: '2025-01-01T00:00:00+00:00' },
    { name: 'another offset', a: '2025-01-01T01:30:00+01:30', b: '2025-01-01T00:00:00Z' },
    {
      name: 'trailing zeros of the fraction',
      a: '2025-01-01T00:00:00.5Z',
      b: '2025-01-01T00:00:00.500000+00:00',
    },
    { name: 'a lower-case t and z', a: '2025-01-01t00:00:00z', b: '2025-01-01T00:00:00Z' },
  ])('treats two writings of one instant as equal: $name', ({ a, b }) => {
    expect(compareInstants(a, b)).toBe(0);
  });

  it('orders by the instant, not the text', () => {
    // As strings "…T01:00:00+02:00" sorts after "…T00:30:00Z"; as instants it is 30 minutes earlier.
    expect(compareInstants('2025-01-01T01:00:00+02:00', '2025-01-01T00:30:00Z')).toBeLessThan(0);
    expect(compareInstants('2025-01-01T00:30:00Z', '2025-01-01T01:00:00+02:00')).toBeGreaterThan(0);
  });

  it('tells microseconds apart, which Date.parse drops', () => {
    expect(compareInstants('2025-01-01T00:00:00.000002Z', '2025-01-01T00:00:00.000001Z')).toBeGreaterThan(0);
    expect(compareInstants('2025-01-01T00:00:00.123455+00:00', '2025-01-01T00:00:00.123456Z')).toBeLessThan(
      0,
    );
  });

  it('gives undefined for a text that is not a date-time', () => {
    expect(compareInstants('yesterday', '2025-01-01T00:00:00Z')).toBeUndefined();
  });
});
