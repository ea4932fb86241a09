/**
 * What the spec's `format: uuid` accepts: the canonical 8-4-4-4-12 hex form, in either case. The one
 * UUID pattern of the package: the query parser, the fixture and dataset readers, the CLI, the proxy, the
 * store and the contract's Ajv format all ask this module.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the canonical 8-4-4-4-12 hex form, in either case (what `format: uuid` means). */
export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text);
}

/** True for a UUID whose version digit is 7: one that carries a millisecond timestamp (RFC 9562). */
export function isUuidVersion7(text: string): boolean {
  return text.charAt(14) === '7' && isUuid(text);
}
