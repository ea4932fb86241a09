import { describe, it, expect } from 'vitest';
import { allChecks } from '../../src/conformance/all-checks.js';
import type { ConformanceReport } from '../../src/conformance/check-result.js';
import { RULE_LEVELS } from '../../src/conformance/rule-level.js';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { createMockServer } from '../../src/http/create-mock-server.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { FAULTS, startBrokenServer, startCutShortServer, type Fault } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const THREAD_ID = scenarioThreadId('all-statuses');
const EMPTY_THREAD_ID = scenarioThreadId('empty');
const contract = getListRunsContract();
const STATUS_FILTER_CHECKS = contract.statusFilterValues.map((status) => `filter.status.${status}`);
const INVALID_INPUT_CHECKS = [
  'errors.invalid-thread-id',
  'errors.invalid-limit',
  'errors.invalid-offset',
  'errors.invalid-select',
  'errors.invalid-status',
  'errors.negative-paging',
  'errors.repeated-parameter',
  'errors.select-form',
];

/**
 * What each fault must trip (`caughtBy`), and what else the same broken behaviour may legitimately trip
 * (`mayAlsoFail`): every other check must still pass, which shows the server has only the one fault.
 */
const EXPECTATIONS: Readonly<Record<Fault, { caughtBy: readonly string[]; mayAlsoFail: readonly string[] }>> =
  {
    'ignores-offset': {
      caughtBy: ['paging.consistency', 'model.combinations'],
      mayAlsoFail: ['paging.offset-past-end'],
    },
    'off-by-one-paging': {
      caughtBy: ['paging.consistency', 'model.combinations'],
      mayAlsoFail: ['paging.offset-past-end'],
    },
    'oldest-first': { caughtBy: ['order.created-at-desc'], mayAlsoFail: [] },
    'ignores-status': { caughtBy: [...STATUS_FILTER_CHECKS, 'model.combinations'], mayAlsoFail: [] },
    'ignores-select': {
      caughtBy: ['select.fields', 'schema.select', 'model.combinations'],
      // A generated valid `select` query gets full runs, which break the projection's schema; Prism
      // knows nothing of `select`, so it accepts the full runs that Ajv rejects.
      mayAlsoFail: ['robustness.generated-queries', 'schema.prism-agreement'],
    },
    'plain-text-errors': {
      caughtBy: ['schema.errors', ...INVALID_INPUT_CHECKS, 'errors.unknown-thread'],
      mayAlsoFail: ['robustness.generated-queries'],
    },
    'empty-list-for-unknown-thread': { caughtBy: ['errors.unknown-thread'], mayAlsoFail: [] },
    '500-on-bad-input': {
      caughtBy: [...INVALID_INPUT_CHECKS, 'robustness.generated-queries'],
      // 500 is not a status the spec declares for the operation.
      mayAlsoFail: ['schema.errors'],
    },
    'non-rfc3339-timestamp': {
      caughtBy: ['schema.runs'],
      // `select=created_at` and generated list queries carry the same timestamps.
      mayAlsoFail: ['schema.select', 'robustness.generated-queries'],
    },
  };

/** Every check, of every level. */
async function checkServer(baseUrl: string): Promise<ConformanceReport> {
  return runConformance({ baseUrl, threadId: THREAD_ID, emptyThreadId: EMPTY_THREAD_ID, level: 'strict' });
}

function failedIds(report: ConformanceReport): string[] {
  return report.results.filter((result) => !result.passed).map((result) => result.id);
}

describe('runConformance against a broken server', () => {
  it.each(FAULTS)('fails the checks meant to catch %s, each with a reproducing URL', async (fault) => {
    const server = await startBrokenServer(fault);
    try {
      const report = await checkServer(server.url);
      const { caughtBy, mayAlsoFail } = EXPECTATIONS[fault];
      const failed = failedIds(report);

      expect(failed).toEqual(expect.arrayContaining([...caughtBy]));
      expect(failed.filter((id) => !caughtBy.includes(id) && !mayAlsoFail.includes(id))).toEqual([]);
      expect(report.failed).toBe(failed.length);
      for (const result of report.results.filter((candidate) => caughtBy.includes(candidate.id))) {
        expect(result.findings.length, result.id).toBeGreaterThan(0);
        for (const failure of result.findings.flatMap((finding) => finding.examples)) {
          expect(
            failure.requests.some((url) => url.startsWith(`${server.url}/`)),
            `${result.id}: ${failure.message} (${failure.requests.join(' ')})`,
          ).toBe(true);
        }
      }
    } finally {
      await server.close();
    }
  });
});

describe('check descriptions', () => {
  // A description that claims "newest first" must not pass an oldest-first server.
  it('claim newest first only for a check that an oldest-first server fails', async () => {
    const server = await startBrokenServer('oldest-first');
    try {
      const report = await checkServer(server.url);
      const passedClaims = report.results
        .filter((result) => result.passed && /newest/i.test(result.description))
        .map((result) => result.id);
      expect(passedClaims).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('runConformance against a server that drops the connection mid-body', () => {
  // The kit returns findings about a bad response as values; only an unreachable server is a setup error.
  it('reports the cut responses as failures of the checks that sent them instead of throwing', async () => {
    const isCut = (url: string): boolean => url.includes('status=error');
    const server = await startCutShortServer(isCut);
    try {
      const report = await checkServer(server.url);
      const failed = report.results.filter((result) => !result.passed);

      expect(failed.map((result) => result.id)).toEqual(
        expect.arrayContaining(['schema.runs', 'filter.status.error']),
      );
      for (const result of failed) {
        for (const failure of result.findings.flatMap((finding) => finding.examples)) {
          const mentioned = [...failure.requests, failure.message];
          expect(
            mentioned.some((text) => text.includes(`${server.url}/`) && isCut(text)),
            `${result.id}: ${failure.message}`,
          ).toBe(true);
        }
      }
    } finally {
      await server.close();
    }
  });
});

describe('runConformance against the mock', () => {
  it('passes every check, with one result per check of the suite', async () => {
    const mock = await createMockServer({ host: '127.0.0.1', port: 0, threads: 0 });
    try {
      const report = await checkServer(mock.url);

      expect(failedIds(report)).toEqual([]);
      expect(report.failed).toBe(0);
      expect(report.passed).toBe(report.results.length);
      expect(report.baseUrl).toBe(mock.url);
      const suite = allChecks(contract, { hasEmptyThread: true, withPrism: true, level: 'strict' }).map(
        (check) => check.id,
      );
      expect(report.results.map((result) => result.id)).toEqual(suite);
    } finally {
      await mock.close();
    }
  });
});

describe('allChecks', () => {
  const checks = allChecks(contract, { hasEmptyThread: true, withPrism: true });

  it('gives every check a unique group.name id', () => {
    const ids = checks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z0-9.-]+$/);
  });

  it('declares the basis of every rule: spec, semantics or strict', () => {
    for (const check of checks) expect(RULE_LEVELS, check.id).toContain(check.level);
    expect(new Set(checks.map((check) => check.level))).toEqual(new Set(RULE_LEVELS));
  });

  it('gives every check a one-line description', () => {
    for (const check of checks) {
      expect(check.description.trim(), check.id).not.toBe('');
      expect(check.description, check.id).not.toMatch(/[\r\n]/);
    }
  });

  it('adds the empty-thread check only when an empty thread is known', () => {
    const without = allChecks(contract, { hasEmptyThread: false, withPrism: true }).map((check) => check.id);
    expect(checks.map((check) => check.id)).toContain('empty-thread.lists-nothing');
    expect(without).not.toContain('empty-thread.lists-nothing');
    expect(without).toHaveLength(checks.length - 1);
  });
});
