import { describe, it, expect, beforeAll } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CheckResult, ConformanceReport } from '../../src/conformance/check-result.js';
import { formatJUnitReport } from '../../src/conformance/reporters/junit-report.js';
import {
  formatCheckResult,
  formatSummary,
  formatTextReport,
} from '../../src/conformance/reporters/text-report.js';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { startBrokenServer } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const BASE_URL = 'http://127.0.0.1:4321';
const THREAD_ID = '00000000-0000-4000-8000-000000000003';

const passedResult: CheckResult = {
  id: 'paging.limit',
  description: 'limit=N returns the first N runs of the full list',
  level: 'semantics',
  passed: true,
  durationMs: 3,
  findings: [],
};

/** Failure text with every character XML treats specially, and some it cannot carry at all. */
const NASTY_MESSAGE = 'status=a&b got <html> and "quotes" \'apos\' \u0000\u0007\u001b\uFFFE\uD800 done';
const NASTY_ACTUAL = '200 <runs>]]> & \u0008 "x"';

const failedResult: CheckResult = {
  id: 'errors.invalid-status',
  description: "status outside the spec's filter enum gets 422 ErrorResponse",
  level: 'strict',
  passed: false,
  durationMs: 7,
  findings: [
    {
      cause: NASTY_MESSAGE,
      count: 5,
      examples: [
        {
          message: 'status=bogus: expected 422',
          requests: [`${BASE_URL}/threads/${THREAD_ID}/runs?status=a&b=%3C`],
          expected: '422 {"detail": "..."}',
          actual: NASTY_ACTUAL,
        },
        { message: 'second failure', requests: [`${BASE_URL}/threads/${THREAD_ID}/runs?status=SUCCESS`] },
      ],
    },
    {
      cause: 'a second cause',
      count: 1,
      examples: [{ message: 'a second cause', requests: [`${BASE_URL}/threads/${THREAD_ID}/runs?status=x`] }],
    },
  ],
};

/** A spec-level failure with fewer cases: worst first puts it before the strict one all the same. */
const specResult: CheckResult = {
  id: 'schema.errors',
  description: 'error responses use a declared status',
  level: 'spec',
  passed: false,
  durationMs: 2,
  findings: [
    {
      cause: 'status 400 is not declared for the operation',
      count: 2,
      examples: [
        {
          message: 'status 400 is not declared for the operation',
          requests: [`${BASE_URL}/threads/not-a-uuid/runs`],
        },
      ],
    },
  ],
};

const handMadeReport: ConformanceReport = {
  baseUrl: BASE_URL,
  threadId: THREAD_ID,
  emptyThreadId: undefined,
  seed: 1,
  level: 'strict',
  startedAt: '2025-09-15T19:26:57.000Z',
  durationMs: 1234,
  results: [passedResult, failedResult, specResult],
  passed: 1,
  failed: 2,
  hints: [],
};

/** The parts of a parsed JUnit document the tests read. */
interface ParsedTestCase {
  readonly classname: string;
  readonly name: string;
  readonly failure: { readonly message: string; readonly type: string; readonly text: string } | undefined;
}
interface ParsedJUnit {
  readonly suites: Readonly<Record<string, string>>;
  readonly suite: Readonly<Record<string, string>>;
  readonly testCases: readonly ParsedTestCase[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordAt(value: unknown, key: string): Record<string, unknown> {
  const child = isRecord(value) ? value[key] : undefined;
  if (!isRecord(child)) throw new Error(`no element <${key}> in ${JSON.stringify(value)}`);
  return child;
}

function stringAt(value: Record<string, unknown>, key: string): string {
  const child = value[key];
  if (typeof child !== 'string') throw new Error(`no string ${key} in ${JSON.stringify(value)}`);
  return child;
}

function attributesOf(element: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(element)
      .filter(([key]) => key.startsWith('@_'))
      .map(([key, value]) => [key.slice(2), String(value)]),
  );
}

/** The XML 1.0 `Char` production: what a document may contain at all, even escaped. */
function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** True, or why the document is not well-formed. */
function wellFormedness(xml: string): true | string {
  // fast-xml-validator is not a dependency; the validator kept in fast-xml-parser still does the job.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const validation = XMLValidator.validate(xml);
  return validation === true ? true : JSON.stringify(validation.err);
}

/** Validates and parses a JUnit document; throws when it is not well-formed XML. */
function parseJUnit(xml: string): ParsedJUnit {
  const validation = wellFormedness(xml);
  if (validation !== true) throw new Error(`invalid XML: ${validation}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  });
  const document: unknown = parser.parse(xml);
  const suites = recordAt(document, 'testsuites');
  const suiteList: unknown = suites['testsuite'];
  const suite: unknown = Array.isArray(suiteList) && suiteList.length === 1 ? suiteList[0] : undefined;
  if (!isRecord(suite)) throw new Error('expected exactly one <testsuite>');
  const cases: unknown = suite['testcase'] ?? [];
  if (!Array.isArray(cases)) throw new Error('<testcase> elements are not a list');
  const testCases = cases.map((element: unknown): ParsedTestCase => {
    if (!isRecord(element)) throw new Error('an empty <testcase> without attributes');
    const failures: unknown = element['failure'];
    let failure: ParsedTestCase['failure'];
    if (Array.isArray(failures)) {
      const first: unknown = failures.length === 1 ? failures[0] : undefined;
      if (!isRecord(first)) throw new Error('expected one <failure>');
      failure = {
        message: stringAt(first, '@_message'),
        type: stringAt(first, '@_type'),
        text: stringAt(first, '#text'),
      };
    }
    return { classname: stringAt(element, '@_classname'), name: stringAt(element, '@_name'), failure };
  });
  return { suites: attributesOf(suites), suite: attributesOf(suite), testCases };
}

describe('formatJUnitReport', () => {
  let brokenReport: ConformanceReport;
  let brokenUrl: string;

  beforeAll(async () => {
    const server = await startBrokenServer('ignores-offset');
    try {
      brokenUrl = server.url;
      brokenReport = await runConformance({
        baseUrl: server.url,
        threadId: scenarioThreadId('all-statuses'),
        emptyThreadId: scenarioThreadId('empty'),
      });
    } finally {
      await server.close();
    }
  });

  it('writes testsuites and one testsuite whose counts match the report', () => {
    const parsed = parseJUnit(formatJUnitReport(brokenReport));
    for (const counts of [parsed.suites, parsed.suite]) {
      expect(counts['tests']).toBe(String(brokenReport.results.length));
      expect(counts['failures']).toBe(String(brokenReport.failed));
      expect(counts['errors']).toBe('0');
    }
    expect(brokenReport.failed).toBeGreaterThan(0);
    expect(brokenReport.passed).toBeGreaterThan(0);
  });

  it('writes one testcase per check, named by its id, with the check group as classname', () => {
    const { testCases } = parseJUnit(formatJUnitReport(brokenReport));
    expect(testCases.map((testCase) => testCase.name)).toEqual(
      brokenReport.results.map((result) => result.id),
    );
    for (const testCase of testCases) {
      expect(testCase.classname).toBe(`conformance.${testCase.name.split('.')[0] ?? ''}`);
    }
  });

  it('gives failed checks a failure whose message is the grouped summary, with the examples as text', () => {
    const { testCases } = parseJUnit(formatJUnitReport(brokenReport));
    for (const [i, result] of brokenReport.results.entries()) {
      const failure = testCases[i]?.failure;
      if (result.passed) {
        expect(failure, result.id).toBeUndefined();
        continue;
      }
      expect(failure?.message, result.id).toBe(
        result.findings
          .map((finding) => `${finding.cause} (${finding.count} case${finding.count === 1 ? '' : 's'})`)
          .join('; '),
      );
      expect(failure?.text, result.id).toContain(`GET ${brokenUrl}/threads/`);
      expect(failure?.text, result.id).toContain('expected: ');
      expect(failure?.text, result.id).toContain('actual: ');
    }
  });

  it('carries the thread ids, the empty one too, the seed and the level as properties', () => {
    const xml = formatJUnitReport(brokenReport);
    expect(xml).toContain(`<property name="threadId" value="${scenarioThreadId('all-statuses')}"/>`);
    expect(xml).toContain(`<property name="emptyThreadId" value="${scenarioThreadId('empty')}"/>`);
    expect(xml).toContain('<property name="seed" value="1"/>');
    expect(xml).toContain('<property name="level" value="semantics"/>');
    expect(formatJUnitReport(handMadeReport)).toContain('<property name="emptyThreadId" value=""/>');
  });

  it('escapes &, <, > and quotes, and drops characters XML cannot carry, so the document stays valid', () => {
    const xml = formatJUnitReport(handMadeReport);
    // The validator accepts control characters, so look at the raw text for them.
    const forbidden: number[] = [];
    for (const char of xml) {
      const code = char.codePointAt(0) ?? 0;
      if (!isXmlCharacter(code)) forbidden.push(code);
    }
    expect(forbidden).toEqual([]);
    const { testCases } = parseJUnit(xml);
    const failure = testCases[1]?.failure;
    expect(failure?.message).toBe(
      'status=a&b got <html> and "quotes" \'apos\'  done (5 cases); a second cause (1 case)',
    );
    expect(failure?.type).toBe('ConformanceFailure');
    expect(failure?.text).toContain(`GET ${BASE_URL}/threads/${THREAD_ID}/runs?status=a&b=%3C`);
    expect(failure?.text).toContain('expected: 422 {"detail": "..."}');
    expect(failure?.text).toContain('actual:   200 <runs>]]> &  "x"');
    expect(failure?.text).toContain('second failure');
    expect(testCases[0]?.failure).toBeUndefined();
  });

  it('escapes the report properties too', () => {
    const xml = formatJUnitReport({ ...handMadeReport, baseUrl: 'http://127.0.0.1:1/a?b=1&c="<d>"' });
    expect(wellFormedness(xml)).toBe(true);
    expect(xml).toContain('value="http://127.0.0.1:1/a?b=1&amp;c=&quot;&lt;d&gt;&quot;"');
  });
});

describe('formatCheckResult', () => {
  it('shows a passed check as one PASS line with its id, level and description', () => {
    const text = formatCheckResult(passedResult);
    expect(text).not.toContain('\n');
    expect(text).toBe(
      'PASS  paging.limit  [semantics]  limit=N returns the first N runs of the full list (3 ms)',
    );
  });

  it('shows each finding once with its count, its first example in full and the others one line each', () => {
    const lines = formatCheckResult(failedResult).split('\n');
    expect(lines[0]).toMatch(/^FAIL {2}errors\.invalid-status {2}\[strict\] {2}status outside/);
    expect(lines.slice(1)).toEqual([
      `  ✗ ${NASTY_MESSAGE} (5 cases)`,
      '      status=bogus: expected 422',
      `      GET ${BASE_URL}/threads/${THREAD_ID}/runs?status=a&b=%3C`,
      '      expected: 422 {"detail": "..."}',
      `      actual:   ${NASTY_ACTUAL}`,
      `    also: second failure: GET ${BASE_URL}/threads/${THREAD_ID}/runs?status=SUCCESS`,
      '    and 3 more cases',
      '  ✗ a second cause (1 case)',
      `      GET ${BASE_URL}/threads/${THREAD_ID}/runs?status=x`,
    ]);
  });
});

describe('formatTextReport', () => {
  it('opens with the verdict and a summary of the failed checks, worst first, then their details', () => {
    const text = formatTextReport(handMadeReport);
    const lines = text.split('\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(lines[0]).toBe('langgraph-mock check: 2 of 3 checks failed at level strict');
    expect(lines[1]).toBe(`  server ${BASE_URL}, thread ${THREAD_ID}, empty thread (none), seed 1, 1234 ms`);
    const summary = lines.indexOf('Failed checks, worst first:');
    expect(summary).toBeGreaterThan(0);
    // The spec rule first, though the strict one has more cases.
    expect(lines[summary + 1]).toMatch(
      /^ {2}spec +schema\.errors +status 400 is not declared for the operation \(2 cases\)$/,
    );
    expect(lines[summary + 2]).toMatch(
      /^ {2}strict +errors\.invalid-status +status=a&b .* \(5 cases\) \(\+1 other cause\)$/,
    );
    expect(text.indexOf('FAIL  schema.errors')).toBeGreaterThan(text.indexOf('Failed checks, worst first:'));
    expect(text.indexOf('FAIL  errors.invalid-status')).toBeGreaterThan(text.indexOf('FAIL  schema.errors'));
    expect(lines).toContain('Passed (1): paging.limit');
  });

  it('names the empty thread in the header, and the setup hints', () => {
    const text = formatTextReport({
      ...handMadeReport,
      emptyThreadId: '00000000-0000-4000-8000-000000000001',
      hints: ['40 of 40 answers were 403: the server requires authentication; pass --api-key'],
      results: [passedResult],
      passed: 1,
      failed: 0,
    });
    expect(text).toContain('langgraph-mock check: all 1 checks passed at level strict');
    expect(text).toContain('empty thread 00000000-0000-4000-8000-000000000001,');
    expect(text).toContain(
      '  hint: 40 of 40 answers were 403: the server requires authentication; pass --api-key',
    );
    expect(text).not.toContain('Failed checks');
  });
});

describe('formatSummary', () => {
  it('is the report without the details, for the terminal when the report goes to a file', () => {
    const summary = formatSummary(handMadeReport);
    expect(formatTextReport(handMadeReport).startsWith(summary)).toBe(true);
    expect(summary).not.toContain('FAIL  ');
  });
});
