import type { CheckFailure, Finding } from './check-result.js';

/** How many example cases a finding keeps by default. */
export const DEFAULT_MAX_EXAMPLES = 3;

/**
 * Groups failing cases by cause: one finding per distinct cause, with its count and its first
 * `maxExamples` cases, the most frequent cause first (ties keep the order the causes were met).
 *
 * @example
 * groupFindings([{ cause: 'x', message: 'x at 1', requests: [] }, { cause: 'x', message: 'x at 2', requests: [] }], 3);
 * // [{ cause: 'x', count: 2, examples: [...both] }]
 */
export function groupFindings(failures: readonly CheckFailure[], maxExamples: number): Finding[] {
  const byCause = new Map<string, { count: number; examples: CheckFailure[] }>();
  for (const failure of failures) {
    const cause = failure.cause ?? failure.message;
    let group = byCause.get(cause);
    if (group === undefined) {
      group = { count: 0, examples: [] };
      byCause.set(cause, group);
    }
    group.count += 1;
    if (group.examples.length < maxExamples) group.examples.push(failure);
  }
  return [...byCause.entries()]
    .map(([cause, group]) => ({ cause, count: group.count, examples: group.examples }))
    .sort((a, b) => b.count - a.count);
}
