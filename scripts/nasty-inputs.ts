// The raw material of the fuzzer: lists of nasty inputs and junk text the request arbitraries draw from.
import fc from 'fast-check';
import { encodeEveryChar, percentEncode, VISIBLE_ASCII } from './percent-encode.js';

/** Words that pollute prototypes in servers that build objects from input (qs, naive merges). */
export const PROTO_WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor[prototype]',
  'constructor[prototype][polluted]',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
] as const;

/** Percent-encoding junk: bad escapes, overlong and truncated UTF-8, surrogates, NUL, CR LF, delimiters. */
export const PERCENT_JUNK = [
  '%',
  '%%',
  '%2',
  '%ZZ',
  '%zz',
  '%G0',
  '%C3%28',
  '%FF',
  '%FE%FF',
  '%C0%AF',
  '%E2%82',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%00',
  '%0A',
  '%0D%0A',
  '%u0041',
  '%252F',
  '%2F',
  '%3D',
  '%26',
  '%23',
  '%3F',
  '+',
  '%2B',
  '%20',
] as const;

/** Not quite non-negative integers: signs, spaces, decimals, exponents, 2^53 and beyond, other digits. */
export const NUMBER_JUNK = [
  '0',
  '00',
  '007',
  '-0',
  '+3',
  '%2B3',
  '+7', // `+` is a space in a query string
  '%207',
  '7%20',
  '1.5',
  '1.0',
  '1e3',
  '1E2',
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '0x10',
  '0b1',
  '0o7',
  '1_0',
  '9007199254740991',
  '9007199254740993',
  '99999999999999999999',
  '-99999999999999999999',
  '%D9%A3', // Arabic-Indic digit three: a digit to Python's int(), not to /[0-9]/
  '%EF%BC%93', // fullwidth digit three
  '3%00',
  '10abc',
] as const;

/** Near-misses of a valid thread id: the forms Python's uuid.UUID accepts, cut, padded, encoded. */
export const ID_FORMS: readonly ((id: string) => string)[] = [
  (id) => `%7B${id}%7D`,
  (id) => `{${id}}`,
  (id) => `urn:uuid:${id}`,
  (id) => id.replaceAll('-', ''),
  (id) => id.replaceAll('-', '_'),
  (id) => `${id}%20`,
  (id) => `%20${id}`,
  (id) => `${id}%00`,
  (id) => `${id}%2F..`,
  (id) => `${id}%2Fruns`,
  (id) => id.slice(0, -1),
  (id) => `${id}0`,
  (id) => `${id.slice(0, -1)}g`,
  (id) => `${id};x=1`,
  (id) => encodeEveryChar(id),
  (id) => encodeEveryChar(id.toUpperCase()),
];

/** Thread ids that are nothing like a UUID: dot segments, encoded slashes, bad escapes, words. */
export const JUNK_IDS = [
  'abc',
  '.',
  '..',
  '...',
  '%2e',
  '%2E%2E',
  '.%2e',
  '%2F',
  'a%2Fb',
  '%5C',
  'a\\b',
  '%00',
  '%',
  '%ZZ',
  '%C3%28',
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
  ':thread_id',
  '{thread_id}',
  '*',
  ...PROTO_WORDS,
] as const;

/**
 * List Runs paths bent out of shape: dot segments (raw and encoded), doubled and encoded slashes, encoded
 * letters, other case. Node and Express resolve none of them, so most are 404s; fetch would resolve them.
 */
export const DOT_SEGMENT_FORMS: readonly ((id: string) => string)[] = [
  (id) => `/threads/x/../${id}/runs`,
  (id) => `/threads/./${id}/runs`,
  (id) => `/./threads/${id}/runs`,
  (id) => `/threads/${id}/./runs`,
  (id) => `/threads/${id}/runs/..`,
  (id) => `/threads/${id}/runs/.`,
  (id) => `/threads/${id}/runs/%2e%2e`,
  (id) => `/threads/${id}/../${id}/runs`,
  (id) => `/threads/%2e%2e/${id}/runs`,
  (id) => `/x/../threads/${id}/runs`,
  (id) => `/../threads/${id}/runs`,
  (id) => `//threads/${id}/runs`,
  (id) => `/threads//${id}/runs`,
  (id) => `/threads/${id}//runs`,
  (id) => `/threads/${id}/runs//`,
  (id) => `/threads%2F${id}%2Fruns`,
  (id) => `/threads/${id}%2Fruns`,
  (id) => `/%74hreads/${id}/runs`,
  (id) => `/threads/${id}/%72uns`,
  (id) => `/THREADS/${id}/RUNS`,
  (id) => `/threads/${id}/runs;v=1`,
  (id) => `/threads/${id}/runs%3Flimit=1`,
  (id) => `/threads/${id}/runs/${id}`,
  (id) => `/threads\\${id}\\runs`,
];

/** Bodies sent with methods List Runs does not serve; the mock must not read them at all. */
export const JUNK_BODIES = [
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{',
  '{"a":',
  '[]',
  'null',
  '"text"',
  '<xml/>',
  'limit=1&offset=2',
] as const;

/** A value of `length` characters made of `unit` repeated (the last copy possibly cut short). */
export function repeated(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Text of up to `maxLength` characters: raw printable ASCII, or unicode and binary junk percent-encoded. */
export function junkText(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: fc.constantFrom(...VISIBLE_ASCII), maxLength }),
    fc.string({ unit: 'grapheme', maxLength }).map((text) => percentEncode(text)),
    fc.string({ unit: 'binary', maxLength }).map((text) => percentEncode(text)),
  );
}
