import type { Random } from './random.js';
import { sha1 } from './sha1.js';

/** `uuid.UUID` namespace the Agent Server uses to derive a graph's default assistant id (uuid5 of graph_id). */
export const AGENT_SERVER_GRAPH_NAMESPACE = '6ba7b821-9dad-11d1-80b4-00c04fd430c8';

function format(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function fillRandom(bytes: Uint8Array, from: number, random: Random): void {
  for (let i = from; i < 16; i += 4) {
    const word = random.uint32();
    for (let b = 0; b < 4 && i + b < 16; b++) bytes[i + b] = (word >>> (8 * b)) & 0xff;
  }
}

function setVersion(bytes: Uint8Array, version: number): void {
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | (version << 4);
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
}

/** A version-4 UUID drawn from a seeded generator. */
export function uuid4(random: Random): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes, 0, random);
  setVersion(bytes, 4);
  return format(bytes);
}

/**
 * A version-7 UUID whose 48-bit timestamp is `epochMicros` in milliseconds, with the sub-millisecond part
 * in the 12 `rand_a` bits (RFC 9562, method 3), so run ids sort exactly like their `created_at`.
 */
export function uuid7(epochMicros: number, random: Random): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes, 8, random);
  const millis = Math.floor(epochMicros / 1000);
  const fraction = Math.floor(((epochMicros - millis * 1000) * 4096) / 1000);
  let rest = millis;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | (fraction >>> 8);
  bytes[7] = fraction & 0xff;
  setVersion(bytes, 7);
  return format(bytes);
}

/** A version-5 (SHA-1, name-based) UUID, as Python's `uuid.uuid5(namespace, name)`. */
export function uuid5(namespace: string, name: string): string {
  const namespaceHex = namespace.replaceAll('-', '');
  const nameBytes = new TextEncoder().encode(name);
  const message = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) message[i] = Number.parseInt(namespaceHex.slice(i * 2, i * 2 + 2), 16);
  message.set(nameBytes, 16);
  const bytes = sha1(message).slice(0, 16);
  setVersion(bytes, 5);
  return format(bytes);
}

/** Milliseconds since the epoch embedded in a version-7 UUID. */
export function uuid7Millis(uuid: string): number {
  return Number.parseInt(uuid.replaceAll('-', '').slice(0, 12), 16);
}
