import { createRandom, hash32, type Random } from './random.js';

/**
 * The salt of every seeded random stream, by what it draws. A stream is `createRandom(hash32(…, salt))`
 * over the seed (or a thread's salt) and a position, so two streams with different salts never repeat
 * each other's draws. Each value is part of the data's identity: changing one changes every byte the
 * stream generates, for every seed.
 */
export const SEED_STREAMS = {
  /** A random thread's size and timeline: `hash32(seed, n, salt)`, also the thread's own salt. */
  randomThreadTimeline: 0x7ead,
  /** A random thread's status mix: `hash32(threadSalt, salt)`. */
  randomThreadStatuses: 0x57a7,
  /** The Feistel rounds that turn a random thread's number into its id: `hash32(seed, salt, round, half)`. */
  randomThreadIdRound: 0x7e1d,
  /** The bytes of a random thread's id between its two numbered halves: `hash32(seed, salt, a, b)`. */
  randomThreadIdFiller: 0xf111,
  /** Which seeded run of a thread has which status: `hash32(threadSalt, salt)`. */
  statusLayout: 3,
  /** A seeded run's jitter off its thread's spacing: `hash32(threadSalt, index, salt)`. */
  runCreatedJitter: 1,
  /** Everything else a seeded run draws (ids, assistant, metadata, text): `hash32(threadSalt, index, salt)`. */
  generatedRun: 2,
  /** A run the control API drafts: `hash32(threadSalt, draft, salt)`. */
  draftedRun: 5,
  /** Ids of threads created without one: `hash32(salt, draw)`. */
  createdThreadId: 0xc4ea7e,
  /** A created thread's own salt: `hash32(createdThreadId, n, salt)`. */
  createdThreadPlan: 1,
  /** A fixture thread's salt, for the runs the control API drafts there: `hash32(salt, hash of its id)`. */
  fixtureThread: 0xf1c5,
  /** The live lifecycle's error-or-success draws: `hash32(seed, salt)`. */
  liveLifecycle: 0x11fe,
  /** Simulated latency and injected errors: `hash32(seed, salt)`. */
  simulatedConditions: 0xfa017,
} as const;

/**
 * The random stream `name` of a seed, for what a door adds on top of the store (the live lifecycle, the
 * simulated conditions): the same seed draws the same way in every door and every process.
 *
 * @example
 * const random = seedStream(42, 'liveLifecycle');
 */
export function seedStream(seed: number, name: 'liveLifecycle' | 'simulatedConditions'): Random {
  return createRandom(hash32(seed, SEED_STREAMS[name]));
}
