import { describe, expect, it } from 'vitest';
import { resolveRunWindow } from '../../src/query/resolve-run-window.js';

/** Python's `list(range(total))[start:stop]`, computed the slow, obvious way. */
function pythonSlice(total: number, start: number, stop: number): number[] {
  const norm = (i: number): number => Math.min(Math.max(i < 0 ? total + i : i, 0), total);
  const out: number[] = [];
  for (let i = norm(start); i < norm(stop); i++) out.push(i);
  return out;
}

describe('resolveRunWindow', () => {
  it('passes a contract page through unchanged', () => {
    expect(resolveRunWindow({ kind: 'page', offset: 30, limit: 10 }, 5)).toEqual({ offset: 30, limit: 10 });
  });

  it.each([
    ['a plain slice', 0, 10, 40, { offset: 0, limit: 10 }],
    ['a negative start', -2, 8, 40, { offset: 38, limit: 0 }],
    ['a negative stop', 0, -1, 40, { offset: 0, limit: 39 }],
    ['both negative', -5, -2, 40, { offset: 35, limit: 3 }],
    ['a start before the beginning', -50, 3, 40, { offset: 0, limit: 3 }],
    ['a stop past the end', 35, 99, 40, { offset: 35, limit: 5 }],
    ['an empty list', -1, 5, 0, { offset: 0, limit: 0 }],
  ])('normalises %s as Python does', (_name, start, stop, total, expected) => {
    const resolved = resolveRunWindow({ kind: 'python-slice', start, stop }, total);
    expect(resolved).toEqual(expected);
    const indexes = Array.from({ length: resolved.limit }, (_, i) => resolved.offset + i);
    expect(indexes).toEqual(pythonSlice(total, start, stop));
  });
});
