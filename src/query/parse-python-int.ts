import { pythonRepr } from './python-repr.js';
import { toPythonAscii } from './to-python-ascii.js';

/** What `int(text, base)` gives: the integer, or the message of the ValueError CPython 3.11 raises. */
export type PythonIntResult = { readonly value: bigint } | { readonly valueError: string };

/**
 * CPython's default `sys.get_int_max_str_digits()`: base 10 text with more digits is refused (a guard
 * against quadratic conversion), whatever else is wrong with it.
 */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

// After the step to ASCII, `int()` strips C's `isspace` set only: U+001C–U+001F, although
// `'\x1c'.isspace()` is true, stay and make the text invalid (`int('\x1c8')` is a ValueError).
const SPACES = /^[ \t\n\v\f\r]*$/;
// Sign, then the run CPython scans as the number (digits and underscores), then the rest. Each part
// is a plain character class, so a rejected string costs linear time, not a backtracking blow-up.
const DECIMAL = /^[ \t\n\v\f\r]*([+-]?)([0-9_]*)(.*)$/s;
// One underscore may sit between two digits, as in Python's integer literals; base 16 also takes a `0x`
// prefix after the sign, itself optionally followed by one underscore (`int('0x_1f', 16) == 31`).
const HEXADECIMAL = /^[ \t\n\v\f\r]*([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)[ \t\n\v\f\r]*$/;

/**
 * Python's `int(text, base)` for base 10 or 16, as CPython 3.11 reads it: Unicode decimal digits and
 * whitespace count (`int('٣') == 3`, see `toPythonAscii`), one underscore may separate digits, and base
 * 10 text of more than 4,300 digits is refused with CPython's own message. A refusal carries the
 * ValueError's message, the text quoted with `%.200R` as CPython does.
 *
 * @example
 * parsePythonInt(' -1_000\n', 10); // { value: -1000n }
 * parsePythonInt('1.5', 10); // { valueError: "invalid literal for int() with base 10: '1.5'" }
 */
export function parsePythonInt(text: string, base: 10 | 16): PythonIntResult {
  const ascii = toPythonAscii(text);
  if (base === 16) {
    const match = HEXADECIMAL.exec(ascii);
    if (match === null) return invalidLiteral(text, base);
    return signed(match[1], BigInt(`0x${(match[2] ?? '').replaceAll('_', '')}`));
  }
  const [, sign, run = '', rest = ''] = DECIMAL.exec(ascii) ?? [];
  // CPython's scan: an underscore may not lead, double or trail the run; those are syntax errors found
  // before the digits are counted. The digit limit comes next and wins over junk after the run.
  if (run === '' || run.startsWith('_') || run.endsWith('_') || run.includes('__')) {
    return invalidLiteral(text, base);
  }
  const digits = run.replaceAll('_', '');
  if (digits.length > PYTHON_INT_MAX_STR_DIGITS) {
    return {
      valueError:
        `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: ` +
        `value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    };
  }
  if (!SPACES.test(rest)) return invalidLiteral(text, base);
  return signed(sign, BigInt(digits));
}

function signed(sign: string | undefined, magnitude: bigint): PythonIntResult {
  return { value: sign === '-' ? -magnitude : magnitude };
}

/**
 * CPython formats the original text (not its ASCII form) with `%.200R`: its repr, cut after 200 code
 * points, closing quote included. Array.from splits by code point, as Python counts.
 */
function invalidLiteral(text: string, base: 10 | 16): PythonIntResult {
  const repr = Array.from(pythonRepr(text)).slice(0, 200).join('');
  return { valueError: `invalid literal for int() with base ${base}: ${repr}` };
}
