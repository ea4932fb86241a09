/**
 * The first code point of each run of ten decimal digits (general category Nd, 0 to 9) in Unicode 14.0,
 * the database of CPython 3.11. Held as data rather than read from `\p{Nd}`: Node's ICU is newer (Node
 * 20.20 ships Unicode 17.0), and digits added since, such as Kawi's (U+11F50), are a ValueError in 3.11.
 * Regenerate with: python3.11 -c "import unicodedata as u; print([hex(c) for c in range(0x110000)
 * if u.decimal(chr(c), -1) == 0])"
 */
const DECIMAL_ZEROS: readonly number[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
  0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
  0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0,
  0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50,
  0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950,
  0x1fbf0,
];

/** Non-ASCII characters for which `str.isspace()` is true in CPython 3.11 (bidi class WS, B or S, or Zs). */
const NON_ASCII_SPACE = /^[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** Characters CPython passes through unchanged (`ch < 127`): DEL and beyond take the other branches. */
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose
const PASSED_THROUGH = /^[\u0000-\u007e]*$/;

/**
 * CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`, the first step of `int(text)`: every Unicode
 * whitespace character becomes a space and every decimal digit (any script) its ASCII digit; at the first
 * other non-ASCII character the text is cut and ends in `?`, which no integer syntax accepts. Underscores,
 * signs and the ASCII-only syntax checks then run on the result, so `int('١_٢')` is 12.
 *
 * @example
 * toPythonAscii('\u3000٣'); // ' 3'
 */
export function toPythonAscii(text: string): string {
  if (PASSED_THROUGH.test(text)) return text;
  let ascii = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x7f) {
      ascii += char;
    } else if (NON_ASCII_SPACE.test(char)) {
      ascii += ' ';
    } else {
      const digit = decimalValue(code);
      if (digit === undefined) return `${ascii}?`;
      ascii += String(digit);
    }
  }
  return ascii;
}

/** The value of a Unicode 14.0 decimal digit, or undefined for any other code point. */
function decimalValue(code: number): number | undefined {
  let low = 0;
  let high = DECIMAL_ZEROS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const zero = DECIMAL_ZEROS[middle] ?? 0;
    if (code < zero) high = middle - 1;
    else if (code > zero + 9) low = middle + 1;
    else return code - zero;
  }
  return undefined;
}
