/**
 * What `repr()` escapes besides the quote: the backslash, and every character `str.isprintable()` rejects,
 * that is categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, except the ASCII space (so U+3000, U+200B and
 * U+FEFF are escaped). Categories come from Node's Unicode database, newer than Python 3.11's 14.0:
 * a character assigned since (U+11F04, a Kawi letter) is shown as is, where CPython 3.11 escapes it.
 */
const ESCAPED = /\\|(?! )[\p{C}\p{Z}]/gu;

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Quotes a string the way Python's `repr()` does (`'abc'`), so that error details read like the Agent
 * Server's (`Invalid select columns: ['foo']`): `\n`, `\r`, `\t`, then `\xNN`, `\uNNNN` or `\UNNNNNNNN`
 * by code point for the other characters that are not printable.
 *
 * @example
 * pythonRepr('a\u3000b'); // "'a\\u3000b'"
 */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(ESCAPED, escape);
  return quote + (quote === "'" ? escaped.replaceAll("'", "\\'") : escaped) + quote;
}

/** A list of strings as Python prints it: `['a', 'b']`. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map(pythonRepr).join(', ')}]`;
}

function escape(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}
