import { describe, expect, it } from 'vitest';
import { LIST_RUNS_ROUTE, threadIdOf } from '../../src/core/list-runs-path.js';

describe('LIST_RUNS_ROUTE', () => {
  it.each([
    { name: 'a runs path', path: '/threads/abc/runs', matches: true },
    { name: 'a trailing slash', path: '/threads/abc/runs/', matches: true },
    { name: 'a malformed escape in the id', path: '/threads/%zz/runs', matches: true },
    { name: 'a run below the list', path: '/threads/abc/runs/def', matches: false },
    { name: 'no thread id', path: '/threads//runs', matches: false },
  ])('matches $name: $matches', ({ path, matches }) => {
    expect(LIST_RUNS_ROUTE.test(path)).toBe(matches);
  });
});

describe('threadIdOf', () => {
  it('percent-decodes the thread id segment', () => {
    expect(threadIdOf('/threads/a%20b/runs')).toBe('a b');
  });

  it('keeps a segment with a malformed escape as sent', () => {
    expect(threadIdOf('/threads/%zz/runs')).toBe('%zz');
  });
});
