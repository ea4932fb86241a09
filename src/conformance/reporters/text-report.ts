import type { CheckResult, ConformanceReport } from '../check-result.js';

/** One progress line for a finished check, with its reproduction when it failed. */
export function formatCheckResult(result: CheckResult): string {
  const lines = [
    `${result.passed ? 'PASS' : 'FAIL'}  ${result.id.padEnd(30)} ${result.description} (${result.durationMs} ms)`,
  ];
  for (const failure of result.failures) {
    lines.push(`      ✗ ${failure.message}`);
    for (const url of failure.requests) lines.push(`        GET ${url}`);
    if (failure.expected !== undefined) lines.push(`        expected: ${failure.expected}`);
    if (failure.actual !== undefined) lines.push(`        actual:   ${failure.actual}`);
  }
  return lines.join('\n');
}

/** The closing summary: counts, time, and the failed check ids. */
export function formatSummary(report: ConformanceReport): string {
  const failedIds = report.results.filter((result) => !result.passed).map((result) => result.id);
  return [
    '',
    `${report.passed} passed, ${report.failed} failed`,
    `checked ${report.baseUrl} (thread ${report.threadId}${report.emptyThreadId === undefined ? '' : `, empty thread ${report.emptyThreadId}`}, seed ${report.seed}) in ${report.durationMs} ms`,
    ...(failedIds.length > 0 ? [`failed: ${failedIds.join(', ')}`] : []),
  ].join('\n');
}

/** The whole report as text: every check's line, then the summary. */
export function formatTextReport(report: ConformanceReport): string {
  return `${[...report.results.map(formatCheckResult), formatSummary(report)].join('\n')}\n`;
}
