import { hash32 } from './random.js';
import { SEED_STREAMS } from './seed-streams.js';

const ROUNDS = 4;

/**
 * The id of random thread `n` of a dataset: a version-4 UUID whose first and last four bytes are `n`
 * passed through a keyed permutation of 64-bit values (a four-round Feistel network on `hash32`), the
 * bytes between them a hash of those. Two threads of one seed never share an id (a permutation never
 * maps two values to one, where ids drawn from a 32-bit seeded stream once collided), and the id leads
 * back to `n` (`randomThreadOrdinal`), so a million threads need no table of ids.
 */
export function randomThreadId(seed: number, n: number): string {
  let left = Math.floor(n / 0x1_0000_0000) >>> 0;
  let right = n >>> 0;
  for (let round = 0; round < ROUNDS; round++) {
    [left, right] = [right, (left ^ hash32(seed, SEED_STREAMS.randomThreadIdRound, round, right)) >>> 0];
  }
  return format(left, right, seed);
}

/** The `n` whose `randomThreadId` is `threadId` (lower case), if it is below `count`; undefined otherwise. */
export function randomThreadOrdinal(seed: number, threadId: string, count: number): number | undefined {
  if (threadId.length !== 36) return undefined;
  let left = Number.parseInt(threadId.slice(0, 8), 16);
  let right = Number.parseInt(threadId.slice(28, 36), 16);
  if (Number.isNaN(left) || Number.isNaN(right)) return undefined;
  for (let round = ROUNDS - 1; round >= 0; round--) {
    [left, right] = [(right ^ hash32(seed, SEED_STREAMS.randomThreadIdRound, round, left)) >>> 0, left];
  }
  const n = left * 0x1_0000_0000 + right;
  if (n >= count || randomThreadId(seed, n) !== threadId) return undefined;
  return n;
}

function format(left: number, right: number, seed: number): string {
  const a = hash32(seed, SEED_STREAMS.randomThreadIdFiller, left, right);
  const b = hash32(seed, SEED_STREAMS.randomThreadIdFiller, right, left);
  const version = ((a >>> 16) & 0x0fff) | 0x4000;
  const variant = ((a & 0x3fff) | 0x8000) >>> 0;
  return `${hex(left, 8)}-${hex(b >>> 16, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(b & 0xffff, 4)}${hex(right, 8)}`;
}

function hex(value: number, digits: number): string {
  return (value >>> 0).toString(16).padStart(digits, '0');
}
