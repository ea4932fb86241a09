/** Unreserved characters (RFC 3986) stay as they are; every other UTF-8 byte is percent-encoded. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
/** Printable ASCII but `#`: all a request target may hold (a `#` would end it for URL parsers only). */
export const VISIBLE_ASCII = Array.from({ length: 0x7e - 0x20 }, (_, i) =>
  String.fromCharCode(0x21 + i),
).filter((char) => char !== '#');

/**
 * Percent-encodes `text` as UTF-8. Unlike `encodeURIComponent` it never throws: a lone surrogate
 * becomes the bytes of U+FFFD, so binary junk from fast-check can always be sent.
 */
export function percentEncode(text: string, keep: RegExp = UNRESERVED): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += keep.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** A target with every character a request line cannot carry (or a URL parser would cut at) encoded. */
export function escapeTarget(path: string): string {
  return path.replace(/[^\x21-\x7e]|#/gu, (char) => percentEncode(char));
}

/** Every character percent-encoded, letters too: decodes to `text`, but no byte of it is literal. */
export function encodeEveryChar(text: string): string {
  return percentEncode(text, /^$/);
}
