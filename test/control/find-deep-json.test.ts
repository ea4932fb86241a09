import { describe, expect, it } from 'vitest';
import { findDeepJson, MAX_JSON_DEPTH } from '../../src/control/find-deep-json.js';

/** `levels` containers, each holding the next under `key` (an object) or at index 1 (an array). */
function nested(levels: number, kind: 'object' | 'array'): unknown {
  let value: unknown = kind === 'object' ? {} : [];
  for (let level = 1; level < levels; level++) value = kind === 'object' ? { key: value } : ['x', value];
  return value;
}

describe('findDeepJson', () => {
  it.each([
    { name: 'a string', value: 'text' },
    { name: 'null', value: null },
    { name: 'an empty object', value: {} },
    { name: 'objects exactly as deep as allowed', value: nested(MAX_JSON_DEPTH, 'object') },
    { name: 'arrays exactly as deep as allowed', value: nested(MAX_JSON_DEPTH, 'array') },
  ])('finds nothing in $name', ({ value }) => {
    expect(findDeepJson(value)).toBeUndefined();
  });

  it('names the path to the first object one level too deep', () => {
    expect(findDeepJson(nested(MAX_JSON_DEPTH + 1, 'object'))).toBe(
      Array.from({ length: MAX_JSON_DEPTH }, () => 'key').join('.'),
    );
  });

  it('names array positions by index, past the items that are not containers', () => {
    expect(findDeepJson(nested(4, 'array'), 3)).toBe('1.1.1');
    expect(findDeepJson({ list: [1, 'two', { deep: [[]] }] }, 3)).toBe('list.2.deep');
  });

  it('measures a value nested far past the limit without overflowing the stack', () => {
    expect(findDeepJson(nested(200_000, 'array'))?.split('.')).toHaveLength(MAX_JSON_DEPTH);
  });
});
