import { DEFAULT_SEED } from '../store/create-seeded-store.js';
import { LiveLifecycle, type LiveLifecycleOptions } from '../store/live-lifecycle.js';
import type { RunStore } from '../store/run-store.js';
import { seedStream } from '../store/seed-streams.js';

/**
 * The live lifecycle a door asked for with `live` (not yet started), or undefined without it; its random
 * draws follow the seed, so a seeded mock moves its runs the same way everywhere.
 */
export function createLiveLifecycle(
  store: RunStore,
  live: LiveLifecycleOptions | boolean | undefined,
  seed: number = DEFAULT_SEED,
): LiveLifecycle | undefined {
  if (live === undefined || live === false) return undefined;
  return new LiveLifecycle(store, seedStream(seed, 'liveLifecycle'), live === true ? {} : live);
}
