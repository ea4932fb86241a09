import { describe, it, expect } from 'vitest';
import { BaselineError, compareWithBaseline, parseBaseline } from '../../src/conformance/baseline.js';
import type { CheckResult, ConformanceReport } from '../../src/conformance/check-result.js';

function result(id: string, causes: readonly string[]): CheckResult {
  return {
    id,
    description: id,
    level: 'semantics',
    passed: causes.length === 0,
    durationMs: 1,
    findings: causes.map((cause) => ({ cause, count: 1, examples: [] })),
  };
}

function report(results: readonly CheckResult[]): ConformanceReport {
  return {
    baseUrl: 'http://127.0.0.1:1',
    threadId: 't',
    emptyThreadId: undefined,
    seed: 1,
    level: 'semantics',
    startedAt: '2025-01-01T00:00:00Z',
    durationMs: 1,
    results,
    passed: results.filter((candidate) => candidate.passed).length,
    failed: results.filter((candidate) => !candidate.passed).length,
    hints: [],
  };
}

describe('parseBaseline', () => {
  it('reads the causes of each check out of a JSON report', () => {
    const text = JSON.stringify(report([result('order.x', ['oldest first']), result('paging.y', [])]));
    const baseline = parseBaseline(text);
    expect([...(baseline.get('order.x') ?? [])]).toEqual(['oldest first']);
    expect([...(baseline.get('paging.y') ?? [])]).toEqual([]);
  });

  it.each([
    { name: 'not JSON', text: '{', message: /^not JSON/ },
    { name: 'no results', text: '{"runs": []}', message: /no "results" list/ },
    {
      name: 'a result without findings',
      text: '{"results": [{"id": "a", "failures": []}]}',
      message: /results\[0\]/,
    },
    {
      name: 'a finding without a cause',
      text: '{"results": [{"id": "a", "findings": [{}]}]}',
      message: /without a "cause"/,
    },
  ])('rejects $name with a BaselineError', ({ text, message }) => {
    expect(() => parseBaseline(text)).toThrow(BaselineError);
    expect(() => parseBaseline(text)).toThrow(message);
  });
});

describe('compareWithBaseline', () => {
  const baseline = parseBaseline(
    JSON.stringify(report([result('order.x', ['oldest first', 'fixed since']), result('errors.z', ['400'])])),
  );

  it('splits the findings into new and known ones, and lists the baselined ones that are gone', () => {
    const comparison = compareWithBaseline(
      report([result('order.x', ['oldest first', 'a new cause']), result('paging.y', ['another'])]),
      baseline,
    );
    expect(comparison.known.map(({ checkId, finding }) => `${checkId}: ${finding.cause}`)).toEqual([
      'order.x: oldest first',
    ]);
    expect(comparison.added.map(({ checkId, finding }) => `${checkId}: ${finding.cause}`)).toEqual([
      'order.x: a new cause',
      'paging.y: another',
    ]);
    // errors.z did not run (another level, say): its finding is not gone, only unchecked.
    expect(comparison.gone).toEqual([{ checkId: 'order.x', cause: 'fixed since' }]);
  });
});
