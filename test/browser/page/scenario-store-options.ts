/** "Now" for every write in the scenario: an hour after the dataset's anchor, whichever runtime runs. */
const SCENARIO_NOW_MICROS = Date.parse('2026-06-01T13:00:00Z') * 1000;

/**
 * The store a browser scenario starts from, on the server and in the MSW handlers alike. The clock is
 * fixed so that a PATCH stamps the same `updated_at` on both, and their answers compare byte for byte.
 */
export function scenarioStoreOptions(): { seed: number; threads: number; clock: () => number } {
  return { seed: 7, threads: 2, clock: () => SCENARIO_NOW_MICROS };
}
