import { describe, it, expect } from 'vitest';
import { parseQueryString } from '../../src/query/parse-query-string.js';

describe('parseQueryString', () => {
  it('keeps a leading ? in the first key, as parse_qsl and new URL().searchParams do', () => {
    const params = parseQueryString('?limit=5');
    expect([...params]).toEqual([['?limit', '5']]);
    expect([...params]).toEqual([...new URL('http://host/runs??limit=5').searchParams]);
  });

  it.each([
    ['', []],
    [
      'limit=5&offset=2',
      [
        ['limit', '5'],
        ['offset', '2'],
      ],
    ],
    [
      'limit=1&limit=2',
      [
        ['limit', '1'],
        ['limit', '2'],
      ],
    ],
    [
      'a=%3F&b=+x&c',
      [
        ['a', '?'],
        ['b', ' x'],
        ['c', ''],
      ],
    ],
    ['&&limit=3&', [['limit', '3']]],
    ['??x=1', [['??x', '1']]],
    ['a=1?b=2', [['a', '1?b=2']]],
  ])('reads %j as form data', (query, pairs) => {
    expect([...parseQueryString(query)]).toEqual(pairs);
  });
});
