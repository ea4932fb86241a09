import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePythonInt, type PythonIntResult } from '../../src/query/parse-python-int.js';
import { pythonRepr } from '../../src/query/python-repr.js';

/**
 * Each `python` value is what CPython 3.11 returned for `int(text, base)` (undefined: it raised ValueError),
 * produced by running python3 on every row.
 */
const AGREES_WITH_PYTHON: readonly {
  name: string;
  text: string;
  base: 10 | 16;
  python: bigint | undefined;
}[] = [
  { name: 'zero', text: '0', base: 10, python: 0n },
  { name: 'a plain number', text: '42', base: 10, python: 42n },
  { name: 'a leading zero', text: '010', base: 10, python: 10n },
  { name: 'an underscore between digits', text: '1_000', base: 10, python: 1000n },
  { name: 'underscores in several places', text: '1_2_3', base: 10, python: 123n },
  { name: 'an underscore between zeros', text: '0_0', base: 10, python: 0n },
  { name: 'surrounding spaces', text: ' 1 ', base: 10, python: 1n },
  { name: 'a plus sign inside tabs and newlines', text: '\t+5\n', base: 10, python: 5n },
  { name: 'a minus sign', text: '-3', base: 10, python: -3n },
  { name: 'plus zero', text: '+0', base: 10, python: 0n },
  { name: 'minus zero', text: '-0', base: 10, python: 0n },
  { name: 'vertical tab and form feed', text: '\u000b7\f', base: 10, python: 7n },
  { name: 'CRLF on both sides', text: '\r\n12\r\n', base: 10, python: 12n },
  { name: 'NEL and no-break space', text: '\u00859\u00a0', base: 10, python: 9n },
  { name: 'ideographic space and line separator', text: '\u30001\u2028', base: 10, python: 1n },
  { name: 'a signed underscored number in Unicode spaces', text: '\u2000-1_2\u205f', base: 10, python: -12n },
  { name: 'a number beyond 2^64', text: '99999999999999999999', base: 10, python: 99999999999999999999n },
  {
    name: 'a negative number beyond 2^64',
    text: '-99999999999999999999',
    base: 10,
    python: -99999999999999999999n,
  },
  { name: 'an empty string', text: '', base: 10, python: undefined },
  { name: 'only spaces', text: '  ', base: 10, python: undefined },
  { name: 'a lone plus', text: '+', base: 10, python: undefined },
  { name: 'a lone minus', text: '-', base: 10, python: undefined },
  { name: 'a leading underscore', text: '_1', base: 10, python: undefined },
  { name: 'a trailing underscore', text: '1_', base: 10, python: undefined },
  { name: 'a double underscore', text: '1__0', base: 10, python: undefined },
  { name: 'an underscore after the sign', text: '+_1', base: 10, python: undefined },
  { name: 'an underscore before a space', text: '1_ ', base: 10, python: undefined },
  { name: 'a word', text: 'abc', base: 10, python: undefined },
  { name: 'a decimal fraction', text: '1.5', base: 10, python: undefined },
  { name: 'a fraction after a space', text: ' 1.5', base: 10, python: undefined },
  { name: 'exponent notation', text: '1e3', base: 10, python: undefined },
  { name: 'a hex literal', text: '0x1f', base: 10, python: undefined },
  { name: 'a space between digits', text: '1 2', base: 10, python: undefined },
  { name: 'a space after the sign', text: '- 1', base: 10, python: undefined },
  { name: 'two signs', text: '+-1', base: 10, python: undefined },
  { name: 'a double minus', text: '--1', base: 10, python: undefined },
  {
    name: 'information separators, which int() does not strip',
    text: '\u001c8\u001f',
    base: 10,
    python: undefined,
  },
  { name: 'a zero-width space, which is not whitespace', text: '\u200b1', base: 10, python: undefined },
  { name: 'an embedded NUL', text: '1\u0000', base: 10, python: undefined },
  { name: 'hex with a 0x prefix', text: '0x1f', base: 16, python: 31n },
  { name: 'hex with an upper-case 0X prefix', text: '0X1F', base: 16, python: 31n },
  { name: 'hex without prefix', text: '1f', base: 16, python: 31n },
  { name: 'upper-case hex digits', text: 'ABCDEF', base: 16, python: 11259375n },
  { name: 'an underscore after the prefix', text: '0x_1f', base: 16, python: 31n },
  { name: 'an underscore between hex digits', text: 'ff_ff', base: 16, python: 65535n },
  { name: 'a negative hex literal', text: '-0x1f', base: 16, python: -31n },
  { name: 'a hex literal in spaces', text: ' 0x1f ', base: 16, python: 31n },
  { name: '0b1, which is three hex digits', text: '0b1', base: 16, python: 177n },
  { name: '1e3, which is three hex digits', text: '1e3', base: 16, python: 483n },
  { name: 'a bare prefix', text: '0x', base: 16, python: undefined },
  { name: 'a prefix and an underscore only', text: '0x_', base: 16, python: undefined },
  { name: 'an underscore inside the prefix', text: '0_x1f', base: 16, python: undefined },
  { name: 'a doubled x', text: '0xx1', base: 16, python: undefined },
  { name: 'leading underscores', text: '__ff', base: 16, python: undefined },
  { name: 'a non-hex letter', text: 'g', base: 16, python: undefined },
  { name: 'a trailing underscore', text: '0x1f_', base: 16, python: undefined },
  { name: 'an x without the zero', text: 'x1f', base: 16, python: undefined },
  { name: 'two prefix underscores', text: '0x__1', base: 16, python: undefined },
];

/**
 * What CPython 3.11 answers for `int(text, base)`: the value, or its "invalid literal" ValueError, which
 * quotes the text with `%.200R` (its repr, cut after 200 code points).
 */
function python(text: string, base: 10 | 16, value: bigint | undefined): PythonIntResult {
  const repr = Array.from(pythonRepr(text)).slice(0, 200).join('');
  return value === undefined
    ? { valueError: `invalid literal for int() with base ${base}: ${repr}` }
    : { value };
}

/** `int()`'s message for base 10 text of `digits` digits, past CPython's default 4,300-digit limit. */
function overLimit(digits: number): PythonIntResult {
  return {
    valueError:
      'Exceeds the limit (4300 digits) for integer string conversion: ' +
      `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
  };
}

describe('parsePythonInt', () => {
  it.each(AGREES_WITH_PYTHON)('matches Python for $name', ({ text, base, python: value }) => {
    expect(parsePythonInt(text, base)).toEqual(python(text, base, value));
  });

  // Python maps every Unicode decimal digit (category Nd) and whitespace character to ASCII first, then
  // applies its ASCII rules (underscores, sign, spaces). Values from python3.11 on each row.
  it.each([
    { name: 'an Arabic-Indic three', text: '\u0663', base: 10, value: 3n },
    { name: 'Arabic-Indic digits', text: '\u0661\u0662', base: 10, value: 12n },
    { name: 'Arabic-Indic digits in base 16', text: '\u0661\u0662', base: 16, value: 18n },
    { name: 'full-width digits', text: '\uff11\uff12', base: 10, value: 12n },
    { name: 'an ASCII digit next to an Arabic-Indic one', text: '1\u0661', base: 10, value: 11n },
    { name: 'Devanagari digits with an underscore', text: '\u096a_\u0968', base: 10, value: 42n },
    { name: 'mathematical bold digits (astral)', text: '\u{1d7d7}\u{1d7ce}', base: 10, value: 90n },
    { name: 'a digit in ideographic spaces', text: '\u3000\u0663\u3000', base: 10, value: 3n },
    { name: 'a minus and Thai digits', text: '-\u0e54\u0e52', base: 10, value: -42n },
    { name: 'a segmented digit (Unicode 13)', text: '\u{1fbf7}', base: 10, value: 7n },
    { name: 'a superscript two (a digit, not a decimal)', text: '\u00b2', base: 10, value: undefined },
    { name: 'a Roman numeral', text: '\u216b', base: 10, value: undefined },
    { name: 'a circled digit', text: '\u2460', base: 10, value: undefined },
    { name: 'a full-width letter in base 16', text: '\uff21', base: 16, value: undefined },
    { name: 'an Arabic-Indic digit after junk', text: 'x\u0663', base: 10, value: undefined },
  ] as const)('reads $name as Python does', ({ text, base, value }) => {
    expect(parsePythonInt(text, base)).toEqual(python(text, base, value));
  });

  // Python 3.11's database is Unicode 14.0; Node's is newer and knows these as Nd, CPython 3.11 does not.
  it.each([
    ['a Kawi digit (Unicode 15.0)', '\u{11f53}'],
    ['a Nag Mundari digit (Unicode 15.0)', '\u{1e4f3}'],
    ['a Garay digit (Unicode 16.0)', '\u{10d43}'],
  ])('rejects %s, unknown to CPython 3.11', (_name, text) => {
    expect(/^\p{Nd}$/u.test(text)).toBe(true);
    expect(parsePythonInt(text, 10)).toHaveProperty('valueError');
  });

  it('accepts 4,300 digits and refuses 4,301 with the message of CPython 3.11', () => {
    expect(parsePythonInt('9'.repeat(4300), 10)).toEqual({ value: 10n ** 4300n - 1n });
    expect(parsePythonInt('1'.repeat(4301), 10)).toEqual(overLimit(4301));
  });

  // Each row's verdict is what python3.11 raised for it.
  it.each([
    { name: 'zeros in spaces', text: ` ${'0'.repeat(4301)} `, result: overLimit(4301) },
    { name: 'a minus sign', text: `-${'1'.repeat(4301)}`, result: overLimit(4301) },
    { name: 'underscores between digits', text: `${'1_'.repeat(4300)}1`, result: overLimit(4301) },
    { name: 'Arabic-Indic digits', text: '\u0663'.repeat(4301), result: overLimit(4301) },
    { name: 'junk after the digits', text: `${'1'.repeat(5000)}x`, result: overLimit(5000) },
    {
      name: 'a non-digit letter after the digits',
      text: `${'1'.repeat(4301)}\u00e9`,
      result: overLimit(4301),
    },
    {
      name: 'a double underscore after the limit',
      text: `${'1'.repeat(5000)}__1`,
      result: python(`${'1'.repeat(5000)}__1`, 10, undefined),
    },
    {
      name: 'a trailing underscore',
      text: `${'1'.repeat(4301)}_`,
      result: python(`${'1'.repeat(4301)}_`, 10, undefined),
    },
  ])('over the limit, with $name, answers as CPython 3.11 does', ({ text, result }) => {
    expect(parsePythonInt(text, 10)).toEqual(result);
  });

  it('has no digit limit in base 16, as CPython limits only bases that are not powers of two', () => {
    expect(parsePythonInt('f'.repeat(5000), 16)).toEqual({ value: 16n ** 5000n - 1n });
  });

  it('quotes at most 200 code points of the repr, as CPython formats it with %.200R', () => {
    const text = `${'\u0663'.repeat(300)}x`;
    expect(parsePythonInt(text, 10)).toEqual({
      valueError: `invalid literal for int() with base 10: '${'\u0663'.repeat(199)}`,
    });
  });

  it('reads back any integer written in base 10 or 16, padded and with underscores between digits', () => {
    const padding = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\u3000');
    fc.assert(
      fc.property(fc.bigInt(), fc.boolean(), padding, padding, (value, underscored, before, after) => {
        const write = (digits: string): string => (underscored ? digits.split('').join('_') : digits);
        const sign = value < 0n ? '-' : '';
        const magnitude = value < 0n ? -value : value;
        expect(parsePythonInt(`${before}${sign}${write(magnitude.toString(10))}${after}`, 10)).toEqual({
          value,
        });
        expect(parsePythonInt(`${before}${sign}0x${write(magnitude.toString(16))}${after}`, 16)).toEqual({
          value,
        });
      }),
    );
  });
});
