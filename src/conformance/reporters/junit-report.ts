import type { CheckResult, ConformanceReport } from '../check-result.js';
import { formatCheckResult, formatFindingLine } from './text-report.js';

const SUITE_NAME = 'langgraph-mock conformance';

/**
 * The report as JUnit XML, the format CI systems (GitHub Actions, GitLab, Jenkins) read: one
 * `<testcase>` per check, classname = the check's group, a `<failure>` whose message is the grouped
 * summary (one cause per finding, with its count) and whose text is the findings with their examples.
 */
export function formatJUnitReport(report: ConformanceReport): string {
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const cases = report.results.map((result) => testCase(result, seconds));
  const properties: [string, string][] = [
    ['baseUrl', report.baseUrl],
    ['threadId', report.threadId],
    ['emptyThreadId', report.emptyThreadId ?? ''],
    ['seed', String(report.seed)],
    ['level', report.level],
    ...report.hints.map((hint): [string, string] => ['hint', hint]),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(SUITE_NAME)}" tests="${report.results.length}" failures="${report.failed}" errors="0" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${escape(SUITE_NAME)}" tests="${report.results.length}" failures="${report.failed}" errors="0" skipped="0" time="${seconds(report.durationMs)}" timestamp="${escape(report.startedAt)}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${name}" value="${escape(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(result: CheckResult, seconds: (ms: number) => string): string {
  const group = result.id.split('.')[0] ?? result.id;
  const open = `    <testcase classname="conformance.${escape(group)}" name="${escape(result.id)}" time="${seconds(result.durationMs)}"`;
  if (result.passed) return `${open}/>`;
  const summary = result.findings.map(formatFindingLine).join('; ');
  return [
    `${open}>`,
    `      <failure message="${escape(summary)}" type="ConformanceFailure">${escape(formatCheckResult(result))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

/** Escapes text for XML content and attributes; drops characters XML 1.0 cannot carry. */
function escape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}
