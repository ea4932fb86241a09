/** What a request asked for in its `Prefer` header. */
export interface Preferences {
  /** Answer with this status (Prism's `Prefer: code=404`). */
  readonly code?: number;
  /** Wait this long before answering, in milliseconds. */
  readonly delayMs?: number;
}

/** The longest delay a `Prefer` header may ask for; beyond it a client is better served by a timeout. */
export const MAX_PREFERRED_DELAY_MS = 60_000;

/**
 * Reads `code=` and `delay=` from `Prefer` headers (RFC 7240 syntax, as Prism uses it:
 * `Prefer: code=404, delay=300`). Other preferences are ignored; a malformed value is ignored too, as
 * RFC 7240 asks of preferences a server does not understand.
 */
export function parsePreferHeader(header: string | readonly string[] | undefined): Preferences {
  const values = header === undefined ? [] : typeof header === 'string' ? [header] : header;
  const preferences: { code?: number; delayMs?: number } = {};
  for (const part of values.flatMap((value) => value.split(/[,;]/))) {
    const match = /^\s*(code|delay)\s*=\s*"?(\d{1,6})"?\s*$/i.exec(part);
    if (match === null) continue;
    const number = Number(match[2]);
    if (match[1]?.toLowerCase() === 'code') preferences.code = number;
    else preferences.delayMs = Math.min(number, MAX_PREFERRED_DELAY_MS);
  }
  return preferences;
}
