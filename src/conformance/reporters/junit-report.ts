import type { CheckResult, ConformanceReport } from '../check-result.js';

const SUITE_NAME = 'langgraph-mock conformance';

/**
 * The report as JUnit XML, the format CI systems (GitHub Actions, GitLab, Jenkins) read: one
 * `<testcase>` per check, classname = the check's group, a `<failure>` with the reproduction.
 */
export function formatJUnitReport(report: ConformanceReport): string {
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const cases = report.results.map((result) => testCase(result, seconds));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(SUITE_NAME)}" tests="${report.results.length}" failures="${report.failed}" errors="0" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="${escape(SUITE_NAME)}" tests="${report.results.length}" failures="${report.failed}" errors="0" skipped="0" time="${seconds(report.durationMs)}" timestamp="${escape(report.startedAt)}">`,
    '    <properties>',
    `      <property name="baseUrl" value="${escape(report.baseUrl)}"/>`,
    `      <property name="threadId" value="${escape(report.threadId)}"/>`,
    `      <property name="seed" value="${report.seed}"/>`,
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
  const details = result.failures
    .map((failure) =>
      [
        failure.message,
        ...failure.requests.map((url) => `GET ${url}`),
        ...(failure.expected === undefined ? [] : [`expected: ${failure.expected}`]),
        ...(failure.actual === undefined ? [] : [`actual: ${failure.actual}`]),
      ].join('\n'),
    )
    .join('\n\n');
  return [
    `${open}>`,
    `      <failure message="${escape(result.failures[0]?.message ?? 'failed')}" type="ConformanceFailure">${escape(details)}</failure>`,
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
