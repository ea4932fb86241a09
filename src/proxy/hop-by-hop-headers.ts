// RFC 9110 §7.6.1: these describe one connection, not the message, so a proxy never forwards them.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The headers of a message to pass on to the next hop, as a flat list of names and values (the form of
 * `rawHeaders`, which `writeHead` and `request` take as it is): the hop-by-hop ones dropped, any header the
 * `Connection` header names (a sender may mark its own headers hop-by-hop that way), and any header
 * `replaced` names, whose values are appended instead. Works on the raw list, not `message.headers`: Node
 * builds that object on first use, and a proxy needs neither it nor the copy it would take to edit it.
 */
export function endToEndHeaders(
  rawHeaders: readonly string[],
  replaced: Readonly<Record<string, string>> = {},
): string[] {
  const kept: string[] = [];
  let named: string[] | undefined;
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    const lower = name.toLowerCase();
    if (lower === 'connection')
      named = [...(named ?? []), ...connectionTokens(rawHeaders[index + 1] as string)];
    if (HOP_BY_HOP.has(lower) || Object.hasOwn(replaced, lower)) continue;
    kept.push(name, rawHeaders[index + 1] as string);
  }
  const passed = named === undefined ? kept : withoutNamed(kept, named);
  for (const [name, value] of Object.entries(replaced)) passed.push(name, value);
  return passed;
}

/** A header's value in a raw header list (repeats joined as HTTP allows), or undefined when absent. */
export function rawHeaderValue(rawHeaders: readonly string[], lowerName: string): string | undefined {
  let value: string | undefined;
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if ((rawHeaders[index] as string).toLowerCase() !== lowerName) continue;
    const next = rawHeaders[index + 1] as string;
    value = value === undefined ? next : `${value}, ${next}`;
  }
  return value;
}

/** A header's value as one string (repeated headers joined as HTTP allows), or undefined when absent. */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function connectionTokens(value: string): string[] {
  return value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
}

function withoutNamed(headers: readonly string[], named: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index + 1 < headers.length; index += 2) {
    const name = headers[index] as string;
    if (!named.includes(name.toLowerCase())) kept.push(name, headers[index + 1] as string);
  }
  return kept;
}
