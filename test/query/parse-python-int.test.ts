import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePythonInt } from '../../src/query/parse-python-int.js';

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

describe('parsePythonInt', () => {
  it.each(AGREES_WITH_PYTHON)('matches Python for $name', ({ text, base, python }) => {
    expect(parsePythonInt(text, base)).toBe(python);
  });

  // Python maps every Unicode decimal digit to ASCII first (int('١٢') == 12, int('１２') == 12); this
  // parser deliberately reads ASCII digits only.
  it.each([
    { name: 'Arabic-Indic digits', text: '١٢', base: 10, python: 12n },
    { name: 'Arabic-Indic digits in base 16', text: '١٢', base: 16, python: 18n },
    { name: 'full-width digits', text: '１２', base: 10, python: 12n },
    { name: 'an ASCII digit next to an Arabic-Indic one', text: '1١', base: 10, python: 11n },
  ] as const)('rejects $name, which Python reads as $python', ({ text, base }) => {
    expect(parsePythonInt(text, base)).toBeUndefined();
  });

  it('reads back any integer written in base 10 or 16, padded and with underscores between digits', () => {
    const padding = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\u3000');
    fc.assert(
      fc.property(fc.bigInt(), fc.boolean(), padding, padding, (value, underscored, before, after) => {
        const write = (digits: string): string => (underscored ? digits.split('').join('_') : digits);
        const sign = value < 0n ? '-' : '';
        const magnitude = value < 0n ? -value : value;
        expect(parsePythonInt(`${before}${sign}${write(magnitude.toString(10))}${after}`, 10)).toBe(value);
        expect(parsePythonInt(`${before}${sign}0x${write(magnitude.toString(16))}${after}`, 16)).toBe(value);
      }),
    );
  });
});
