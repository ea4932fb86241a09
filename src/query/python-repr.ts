/**
 * Quotes a string the way Python's `repr()` does for plain text (`'abc'`), so that error details read
 * like the Agent Server's (`Invalid select columns: ['foo']`).
 */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');
  return quote + (quote === "'" ? escaped.replaceAll("'", "\\'") : escaped) + quote;
}

/** A list of strings as Python prints it: `['a', 'b']`. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map(pythonRepr).join(', ')}]`;
}
