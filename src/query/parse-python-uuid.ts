import { parsePythonInt } from './parse-python-int.js';

/**
 * Python's `uuid.UUID(text)`: the canonical lower-case 8-4-4-4-12 form, or undefined where Python raises
 * ValueError. Like Python it takes upper case, braces, a `urn:uuid:` prefix and missing hyphens, and
 * (through `int(hex, 16)`) even whitespace, a `+`, a `0x` prefix or underscores, as long as the cleaned
 * text is 32 characters long; any script's decimal digits count too (see `parsePythonInt`).
 *
 * @example
 * parsePythonUuid('{urn:uuid:ABCDEF0123456789ABCDEF0123456789}'); // 'abcdef01-2345-6789-abcd-ef0123456789'
 */
export function parsePythonUuid(text: string): string | undefined {
  // The same steps as `UUID.__init__`, in its order: `replace` removes every occurrence, not just a
  // prefix, and `strip('{}')` runs before the hyphens go, so only braces at the very ends are dropped.
  const hex = text
    .replaceAll('urn:', '')
    .replaceAll('uuid:', '')
    .replace(/^[{}]+|[{}]+$/g, '')
    .replaceAll('-', '');
  // len() counts code points, not UTF-16 units: 32 astral digits (U+1D7CE, mathematical bold zero) pass.
  if (Array.from(hex).length !== 32) return undefined;
  const parsed = parsePythonInt(hex, 16);
  // No range check as Python's `0 <= int < 1 << 128`: every `-` is gone before int() runs, and 32
  // characters hold at most 32 hex digits, so the value always fits.
  if ('valueError' in parsed) return undefined;
  const digits = parsed.value.toString(16).padStart(32, '0');
  return [
    digits.slice(0, 8),
    digits.slice(8, 12),
    digits.slice(12, 16),
    digits.slice(16, 20),
    digits.slice(20),
  ].join('-');
}
