import type { CheckResult, ConformanceReport, Finding } from '../check-result.js';
import { RULE_LEVELS } from '../rule-level.js';

/** How many cases a result's findings explain in all. */
function casesOf(result: CheckResult): number {
  return result.findings.reduce((sum, finding) => sum + finding.count, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The failed results, worst first: a rule of the spec itself before a semantic one before a strict one,
 * then the most failing cases first.
 */
export function worstFirst(results: readonly CheckResult[]): CheckResult[] {
  return results
    .filter((result) => !result.passed)
    .sort((a, b) => RULE_LEVELS.indexOf(a.level) - RULE_LEVELS.indexOf(b.level) || casesOf(b) - casesOf(a));
}

/** One line per finding: its cause and how many cases it explains. */
export function formatFindingLine(finding: Finding): string {
  return `${finding.cause} (${plural(finding.count, 'case')})`;
}

/** The header: verdict, the server and thread ids (the empty thread's too), seed, level, time, hints. */
export function formatHeader(report: ConformanceReport): string {
  const verdict =
    report.failed === 0
      ? `all ${report.passed} checks passed`
      : `${report.failed} of ${report.results.length} checks failed`;
  return [
    `langgraph-mock check: ${verdict} at level ${report.level}`,
    `  server ${report.baseUrl}, thread ${report.threadId}, empty thread ${report.emptyThreadId ?? '(none)'}, seed ${report.seed}, ${report.durationMs} ms`,
    ...report.hints.map((hint) => `  hint: ${hint}`),
  ].join('\n');
}

/** The summary: one line per failed check, worst first, with its level, its cases and its first cause. */
export function formatSummary(report: ConformanceReport): string {
  const failed = worstFirst(report.results);
  if (failed.length === 0) return formatHeader(report);
  const width = Math.max(...failed.map((result) => result.id.length));
  return [
    formatHeader(report),
    '',
    'Failed checks, worst first:',
    ...failed.map((result) => {
      const [first] = result.findings;
      const more =
        result.findings.length > 1 ? ` (+${plural(result.findings.length - 1, 'other cause')})` : '';
      return `  ${result.level.padEnd(9)} ${result.id.padEnd(width)}  ${first === undefined ? '' : formatFindingLine(first)}${more}`;
    }),
  ].join('\n');
}

/**
 * A check's details: its line, then each finding with its first example in full (requests, expected,
 * actual) and the further examples one line each.
 */
export function formatCheckResult(result: CheckResult): string {
  const lines = [
    `${result.passed ? 'PASS' : 'FAIL'}  ${result.id}  [${result.level}]  ${result.description} (${result.durationMs} ms)`,
  ];
  for (const finding of result.findings) {
    lines.push(`  ✗ ${formatFindingLine(finding)}`);
    const [first, ...others] = finding.examples;
    if (first === undefined) continue;
    if (first.message !== finding.cause) lines.push(`      ${first.message}`);
    for (const url of first.requests) lines.push(`      GET ${url}`);
    if (first.expected !== undefined) lines.push(`      expected: ${first.expected}`);
    if (first.actual !== undefined) lines.push(`      actual:   ${first.actual}`);
    for (const other of others) {
      // The URL reproduces it; the message only when it says more than the cause.
      const said = other.message === finding.cause ? '' : `${other.message}: `;
      lines.push(`    also: ${said}${other.requests.length > 0 ? `GET ${other.requests[0] ?? ''}` : ''}`);
    }
    const unshown = finding.count - finding.examples.length;
    if (unshown > 0) lines.push(`    and ${plural(unshown, 'more case')}`);
  }
  return lines.join('\n');
}

/** The passed checks as a few lines of ids. */
function formatPassed(results: readonly CheckResult[]): string[] {
  const passed = results.filter((result) => result.passed).map((result) => result.id);
  if (passed.length === 0) return [];
  const lines: string[] = [];
  let line = `Passed (${passed.length}):`;
  for (const id of passed) {
    if (line.length + id.length + 1 > 110) {
      lines.push(line);
      line = '  ';
    }
    line += ` ${id}`;
  }
  return ['', ...lines, line];
}

/** The whole report as text: the summary first (worst first), then each failed check's findings, then the passed checks. */
export function formatTextReport(report: ConformanceReport): string {
  const details = worstFirst(report.results).flatMap((result) => ['', formatCheckResult(result)]);
  return `${[formatSummary(report), ...details, ...formatPassed(report.results)].join('\n')}\n`;
}
