import fc from 'fast-check';
import { queryStringArbitrary } from '../src/conformance/checks/generated-inputs.js';
import type { Vocabulary } from './fuzz-vocabulary.js';
import { encodeEveryChar } from './percent-encode.js';
import { junkText, NUMBER_JUNK, PERCENT_JUNK, PROTO_WORDS, repeated } from './nasty-inputs.js';

function queryValue(words: Vocabulary): fc.Arbitrary<string> {
  const enumWords = [...words.selectable, ...words.statuses];
  return fc.oneof(
    { weight: 6, arbitrary: fc.nat({ max: 60 }).map(String) },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: -1 }).map(String) },
    { weight: 4, arbitrary: fc.constantFrom(...NUMBER_JUNK) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 8, arbitrary: fc.constantFrom(...enumWords) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...enumWords, 'running').map((word) => encodeEveryChar(word)),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'SUCCESS',
        '+success',
        'success%20',
        'success%00',
        'run_id,status',
        'run_id%2Cstatus',
        'run_id+status',
        '["run_id"]',
        '*',
        'null',
        'true',
        '[]',
        '{}',
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...PROTO_WORDS) },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: fc.constantFrom(...PERCENT_JUNK) },
    { weight: 3, arbitrary: junkText(12) },
  );
}

function queryKey(words: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 16, arbitrary: fc.constantFrom('limit', 'offset', 'status', 'select') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'LIMIT',
        'Limit',
        '%6Cimit', // decodes to `limit`: the server decodes keys, so this is a real limit
        'lim%69t',
        'sel%65ct',
        'limit%20',
        'limit%00',
        'limit[]',
        'select[]',
        'select[0]',
        'limit.0',
        'thread_id',
        'run_id',
        'sort_by',
        'cursor',
        ...words.selectable,
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...PROTO_WORDS) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: junkText(8) },
  );
}

function queryPair(words: Vocabulary): fc.Arbitrary<string> {
  const key = queryKey(words);
  const value = queryValue(words);
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}=${v}`) },
    { weight: 1, arbitrary: key },
    { weight: 1, arbitrary: value.map((v) => `=${v}`) },
    { weight: 1, arbitrary: fc.tuple(key, value, value).map(([k, v, w]) => `${k}=${v}=${w}`) },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

/** One pair with a value of 1 KB to just over 8 KB, around the mock's URL limit on both sides. */
function hugePair(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('limit', 'offset', 'status', 'select', 'x'),
      fc.constantFrom('9', 'a', '%41', '%', '-1', 'run_id'),
      fc.constantFrom(1024, 4096, 8000, 8192, 8300),
    )
    .map(([key, unit, length]) => `${key}=${repeated(unit, length)}`);
}

/** A query string (without `?`): several pairs, sometimes one repeated, sometimes one huge. */
function queryString(words: Vocabulary): fc.Arbitrary<string> {
  const built = fc
    .record({
      pairs: fc.array(queryPair(words), { maxLength: 8 }),
      repeatFirst: fc.boolean(),
      // A huge pair in one query of 25: enough to cross the URL limit often, rare enough to keep 100,000
      // cases quick. Never two; only with a very long id too does a target pass Node's 16 KB header limit.
      huge: fc.oneof({ weight: 24, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hugePair() }),
      hugeAt: fc.nat(),
      separator: fc.constantFrom('&', '&', '&', '&', ';', '&&'),
    })
    .map(({ pairs, repeatFirst, huge, hugeAt, separator }) => {
      const all = repeatFirst && pairs[0] !== undefined ? [...pairs, pairs[0]] : [...pairs];
      if (huge !== null) all.splice(hugeAt % (all.length + 1), 0, huge);
      return all.join(separator);
    });
  return fc.oneof(
    { weight: 5, arbitrary: built },
    { weight: 3, arbitrary: validQueryString(words) },
    { weight: 1, arbitrary: queryStringArbitrary(words.selectable, words.statuses) },
  );
}

/** A query the contract accepts (unknown keys are ignored), so 200 pages, filters and selects get their share. */
function validQueryString(words: Vocabulary): fc.Arbitrary<string> {
  return fc
    .record(
      {
        limit: fc.oneof(fc.nat({ max: 50 }), fc.constantFrom(0, 100, 1000)),
        offset: fc.oneof(fc.nat({ max: 50 }), fc.constantFrom(39, 40, 9990, 10_000, 123_456)),
        status: fc.constantFrom(...words.filterStatuses),
        select: fc.array(fc.constantFrom(...words.selectable), { minLength: 1, maxLength: 4 }),
        unknown: fc.constantFrom('foo=bar', '__proto__=1', 'constructor[prototype][polluted]=1', 'cursor='),
      },
      { requiredKeys: [] },
    )
    .map(({ select, ...single }) =>
      [
        ...Object.entries(single).map(([key, value]) =>
          key === 'unknown' ? String(value) : `${key}=${value}`,
        ),
        ...(select ?? []).map((field) => `select=${field}`),
      ].join('&'),
    );
}

/**
 * `?query`, a bare `?`, or nothing. Queries mix the contract's keys with unknown, repeated, encoded and
 * prototype-polluting ones, and values from valid to junk (empty, unicode, bad escapes, huge and negative
 * numbers, `1e309`, 8 KB); a share is valid, so 200 pages, filters and selects are fuzzed too.
 */
export function querySuffixArbitrary(words: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: queryString(words).map((query) => `?${query}`) },
    { weight: 1, arbitrary: fc.constant('?') },
    { weight: 2, arbitrary: fc.constant('') },
  );
}
