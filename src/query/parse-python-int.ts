/**
 * The whitespace `int()` strips: `str.isspace()` minus U+001C–U+001F. CPython maps non-ASCII whitespace
 * to spaces but passes ASCII through to C's `isspace`, which does not count the four separators
 * (`int('\x1c8')` is a ValueError although `'\x1c'.isspace()` is true).
 */
const SPACE = '\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

// One underscore may sit between two digits, as in Python's integer literals; base 16 also takes a `0x`
// prefix after the sign, itself optionally followed by one underscore (`int('0x_1f', 16) == 31`).
// Each repetition consumes exactly one digit, so a rejected string costs linear time, not a
// backtracking blow-up.
const DECIMAL = new RegExp(`^[${SPACE}]*([+-]?)([0-9](?:_?[0-9])*)[${SPACE}]*$`);
const HEXADECIMAL = new RegExp(`^[${SPACE}]*([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)[${SPACE}]*$`);

/**
 * Python's `int(text, base)` for base 10 or 16: the integer, or undefined where Python raises ValueError.
 * Unlike Python, only ASCII digits count: CPython also reads any Unicode decimal digit (`int('١٢') == 12`),
 * which no HTTP client sends on purpose, so those are rejected here to keep the parser ASCII-only.
 * Python's 4300-digit limit for base 10 (a ValueError with another message) is not reproduced either.
 *
 * @example
 * parsePythonInt(' -1_000\n', 10); // -1000n
 */
export function parsePythonInt(text: string, base: 10 | 16): bigint | undefined {
  const match = (base === 10 ? DECIMAL : HEXADECIMAL).exec(text);
  if (match === null) return undefined;
  const [, sign = '', digits = ''] = match;
  const magnitude = BigInt((base === 16 ? '0x' : '') + digits.replaceAll('_', ''));
  return sign === '-' ? -magnitude : magnitude;
}
