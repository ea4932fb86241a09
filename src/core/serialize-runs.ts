import type { ProjectedRun, Run } from '../store/run.js';

/**
 * Each run's JSON text, kept as long as the run object lives: the store hands out the same object for
 * a run until it changes (a write makes a new one), so the text is computed once per version. Most of
 * a page's cost was `JSON.stringify`; this makes serving a page mostly string joining.
 */
const jsonOfRun = new WeakMap<Run, string>();

/**
 * A page of runs as JSON text, byte for byte what `JSON.stringify(runs)` gives. Projected runs are new
 * objects each time, so they are stringified as they come.
 */
export function serializeRuns(runs: readonly Run[] | readonly ProjectedRun[], projected: boolean): string {
  if (projected) return JSON.stringify(runs);
  let text = '[';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    let json = jsonOfRun.get(run);
    if (json === undefined) {
      json = JSON.stringify(run);
      jsonOfRun.set(run, json);
    }
    text += i === 0 ? json : `,${json}`;
  }
  return `${text}]`;
}
