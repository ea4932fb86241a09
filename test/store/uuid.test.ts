import { describe, it, expect } from 'vitest';
import { createRandom } from '../../src/store/random.js';
import { isUuid } from '../../src/openapi/uuid-format.js';
import { AGENT_SERVER_GRAPH_NAMESPACE, uuid4, uuid5, uuid7, uuid7Millis } from '../../src/store/uuid.js';

/** The version nibble: the first hex digit of the third group. */
function versionOf(uuid: string): string | undefined {
  return uuid[14];
}

/** RFC 9562 variant: the first hex digit of the fourth group is 8, 9, a or b. */
function hasRfcVariant(uuid: string): boolean {
  return /^[89ab]$/.test(uuid[19] ?? '');
}

const SOME_MICROS = Date.UTC(2025, 8, 15, 19, 26, 57, 584) * 1000 + 811;

describe('uuid5', () => {
  it("gives the real server's default assistant id for the graph 'agent'", () => {
    expect(uuid5(AGENT_SERVER_GRAPH_NAMESPACE, 'agent')).toBe('fe096781-5601-53d2-b2f6-0d3403f7e9ca');
  });

  it("matches Python's uuid5 for the RFC's DNS example", () => {
    // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') in CPython's documentation.
    expect(uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('sets version 5 and the RFC variant, and differs per name', () => {
    const id = uuid5(AGENT_SERVER_GRAPH_NAMESPACE, 'researcher');
    expect(isUuid(id)).toBe(true);
    expect(versionOf(id)).toBe('5');
    expect(hasRfcVariant(id)).toBe(true);
    expect(id).not.toBe(uuid5(AGENT_SERVER_GRAPH_NAMESPACE, 'agent'));
  });
});

describe('uuid7', () => {
  it('sets version 7 and the RFC variant', () => {
    const id = uuid7(SOME_MICROS, createRandom(1));
    expect(isUuid(id)).toBe(true);
    expect(id).toBe(id.toLowerCase());
    expect(versionOf(id)).toBe('7');
    expect(hasRfcVariant(id)).toBe(true);
  });

  it.each([
    { name: 'a 2025 instant', micros: SOME_MICROS },
    { name: 'the epoch', micros: 0 },
    { name: 'the last microsecond of a millisecond', micros: 1_700_000_000_000_999 },
    { name: 'a far-future instant', micros: Date.UTC(9999, 11, 31) * 1000 },
  ])('embeds the millisecond timestamp of $name', ({ micros }) => {
    expect(uuid7Millis(uuid7(micros, createRandom(3)))).toBe(Math.floor(micros / 1000));
  });

  it('writes the milliseconds as the first 48 bits in hex', () => {
    const millis = Math.floor(SOME_MICROS / 1000);
    const hex = millis.toString(16).padStart(12, '0');
    const id = uuid7(SOME_MICROS, createRandom(5));
    expect(id.slice(0, 8) + id.slice(9, 13)).toBe(hex);
  });

  it('sorts in time order for increasing microseconds, even within one millisecond', () => {
    const base = Date.UTC(2026, 0, 1) * 1000;
    const times = [base, base + 1, base + 2, base + 250, base + 998, base + 999, base + 1000, base + 1001];
    // A fresh generator per id, so the order cannot come from the random bits.
    const ids = times.map((micros, n) => uuid7(micros, createRandom(1000 - n)));
    ids.slice(1).forEach((id, i) => {
      expect(id > (ids[i] ?? id), `${ids[i] ?? ''} < ${id}`).toBe(true);
    });
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts every microsecond of a millisecond in order', () => {
    const base = Date.UTC(2026, 5, 1, 12) * 1000;
    const ids = Array.from({ length: 1000 }, (_, micro) => uuid7(base + micro, createRandom(micro * 7919)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same id for the same instant and seed', () => {
    expect(uuid7(SOME_MICROS, createRandom(9))).toBe(uuid7(SOME_MICROS, createRandom(9)));
    expect(uuid7(SOME_MICROS, createRandom(9))).not.toBe(uuid7(SOME_MICROS, createRandom(10)));
  });
});

describe('uuid4', () => {
  it('sets version 4 and the RFC variant', () => {
    for (let seed = 0; seed < 50; seed++) {
      const id = uuid4(createRandom(seed));
      expect(isUuid(id)).toBe(true);
      expect(versionOf(id)).toBe('4');
      expect(hasRfcVariant(id)).toBe(true);
    }
  });

  it('is fixed by the seed and differs across seeds', () => {
    expect(uuid4(createRandom(42))).toBe(uuid4(createRandom(42)));
    expect(uuid4(createRandom(42))).not.toBe(uuid4(createRandom(43)));
  });
});
