import { createRandom } from '../src/store/random.js';

/** A thread as the random page generator sees it. */
export interface PagedThread {
  readonly threadId: string;
  readonly runCount: number;
}

/** Options of `randomPagePaths`. */
export interface RandomPagePathsOptions {
  readonly threads: readonly PagedThread[];
  readonly count: number;
  /** Statuses to filter by now and then (the spec's filter enum). */
  readonly statuses: readonly string[];
  /** Fields to `select` now and then (the spec's select enum). */
  readonly fields: readonly string[];
  readonly seed?: number;
}

/**
 * Seeded random List Runs requests, as a UI scrolling many threads would send them: a random thread, an
 * offset anywhere in it (the end included), a limit of 1–50, a status filter one time in five and a
 * `select` of two or three fields one time in five. The same seed gives the same list, so the memory figures
 * of two runs see the same traffic.
 */
export function randomPagePaths(options: RandomPagePathsOptions): string[] {
  const random = createRandom(options.seed ?? 1);
  const paths: string[] = [];
  for (let n = 0; n < options.count; n++) {
    const thread = random.pick(options.threads);
    const query = new URLSearchParams({
      limit: String(random.int(1, 50)),
      offset: String(random.int(0, thread.runCount)),
    });
    if (random.chance(0.2)) query.append('status', random.pick(options.statuses));
    if (random.chance(0.2)) {
      const picked = new Set([
        random.pick(options.fields),
        random.pick(options.fields),
        random.pick(options.fields),
      ]);
      for (const field of picked) query.append('select', field);
    }
    paths.push(`/threads/${thread.threadId}/runs?${query.toString()}`);
  }
  return paths;
}
