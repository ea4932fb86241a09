import type { FuzzFailure, FuzzReport } from './run-fuzz.js';
import { countServerErrors, formatCounts } from './format-counts.js';

/** Failures printed in full per kind of problem; the rest are counted. */
const SHOWN_PER_KIND = 5;
/** Longer request targets are cut in the text (the replay command gives the whole request). */
const PATH_SHOWN = 160;

/**
 * The fuzz report as text: cases, counts by kind and by status, liveness checks, and failures grouped by
 * their first problem, a few of each with the request and the command that replays it.
 */
export function formatFuzzReport(report: FuzzReport, concurrency: number): string {
  const serverErrors = countServerErrors(report.byStatus);
  const groups = new Map<string, FuzzFailure[]>();
  for (const failure of report.failures) {
    const kind = failure.problems[0]?.kind ?? 'unknown';
    groups.set(kind, [...(groups.get(kind) ?? []), failure]);
  }
  const lines = [
    `fuzz: ${report.cases} cases, seed ${report.seed}, ${concurrency} in flight, ${(report.durationMs / 1000).toFixed(1)} s`,
    `by kind:   ${formatCounts(report.byKind)}`,
    `by status: ${formatCounts(report.byStatus)}`,
    `5xx:       ${serverErrors}`,
    `liveness:  ${report.liveness.checks} checks, ${report.liveness.failed} failed`,
    `failures:  ${report.failureCount}`,
  ];
  for (const [kind, failures] of groups) {
    const total = report.failuresByProblem[kind] ?? failures.length;
    lines.push(`  ${kind}: ${total}${total > SHOWN_PER_KIND ? `, the first ${SHOWN_PER_KIND}` : ''}`);
    for (const failure of failures.slice(0, SHOWN_PER_KIND)) lines.push(...describe(failure, report.seed));
  }
  return `${lines.join('\n')}\n`;
}

function describe(failure: FuzzFailure, seed: number): string[] {
  const { method, path } = failure.request;
  const shown = path.length > PATH_SHOWN ? `${path.slice(0, PATH_SHOWN)}… (${path.length} characters)` : path;
  const label = failure.liveness ? `liveness after case ${failure.caseIndex}` : `case ${failure.caseIndex}`;
  return [
    `    ${label}: ${method} ${shown} -> ${failure.status ?? 'no answer'}`,
    ...failure.problems.map((problem) => `      ${problem.kind}: ${problem.message}`),
    ...(failure.liveness ? [] : [`      replay: npm run fuzz -- --seed ${seed} --case ${failure.caseIndex}`]),
  ];
}
