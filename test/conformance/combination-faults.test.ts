import { describe, it, expect } from 'vitest';
import type { CheckResult } from '../../src/conformance/check-result.js';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { createMockServer } from '../../src/http/create-mock-server.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import {
  COMBINATION_FAULTS,
  startCombinationFaultServer,
  type CombinationFault,
} from '../helpers/combination-fault-servers.js';

const THREAD_ID = scenarioThreadId('all-statuses'); // 40 runs, every status
const EMPTY_THREAD_ID = scenarioThreadId('empty');

/** The combination check alone, as fast as it goes (Prism does not judge its queries anyway). */
async function combinationCheck(
  baseUrl: string,
  options: { seed?: number; queries?: number } = {},
): Promise<CheckResult> {
  const report = await runConformance({
    baseUrl,
    threadId: THREAD_ID,
    only: ['model.'],
    prism: false,
    ...options,
  });
  const [result] = report.results;
  if (result === undefined) throw new Error('model.combinations did not run');
  return result;
}

/** The query parameters of a URL that are set, limit aside (every combination query has a limit). */
function partsOf(url: string): string[] {
  const params = new URL(url).searchParams;
  return ['status', 'select', 'offset'].filter((name) => params.has(name) && params.get(name) !== '0');
}

/**
 * The parts the smallest failing query must keep: shrinking drops every parameter the fault does not
 * need, so these are exactly the ones left.
 */
const SMALLEST_PARTS: Readonly<Record<Exclude<CombinationFault, 'limit-capped-at-25'>, readonly string[]>> = {
  'page-then-filter': ['status'],
  'offset-before-filter-for-small-limits': ['status', 'offset'],
  'select-drops-offset': ['select', 'offset'],
  'status-drops-offset': ['status', 'offset'],
  'status-drops-select': ['status', 'select'],
  'limit-as-end-index': ['offset'],
  'off-by-one-offset': ['offset'],
  'tie-order-depends-on-limit': [],
};

describe('model.combinations against a server with one combination fault', () => {
  it.each(COMBINATION_FAULTS.filter((fault) => fault !== 'limit-capped-at-25'))(
    'catches %s and reports the smallest failing query with its URL, expected and actual runs',
    async (fault) => {
      const server = await startCombinationFaultServer(fault);
      try {
        const result = await combinationCheck(server.url);

        expect(result.passed).toBe(false);
        expect(result.findings).toHaveLength(1);
        const [finding] = result.findings;
        const [example] = finding?.examples ?? [];
        expect(finding?.cause).toMatch(/^answers differ from the model for queries with /);
        expect(example?.message).toMatch(/^\d+ of 200 generated queries differ from the model; the smallest/);
        const url = example?.requests[0] ?? '';
        expect(url.startsWith(`${server.url}/threads/${THREAD_ID}/runs?`)).toBe(true);
        if (fault !== 'tie-order-depends-on-limit') expect(partsOf(url)).toEqual(SMALLEST_PARTS[fault]);
        else expect(Number(new URL(url).searchParams.get('limit'))).toBeLessThan(10);
        expect(example?.expected).toMatch(/^\d+ runs? \[/);
        expect(example?.actual).toMatch(/^\d+ runs? /);
        expect(example?.expected).not.toBe(example?.actual);
      } finally {
        await server.close();
      }
    },
  );

  it('names a limit cap as a finding of its own, and only that', async () => {
    const server = await startCombinationFaultServer('limit-capped-at-25');
    try {
      const result = await combinationCheck(server.url);

      expect(result.passed).toBe(false);
      expect(result.findings.map((finding) => finding.cause)).toEqual(['limit capped at 25']);
      expect(result.findings[0]?.examples[0]?.requests[0]).toMatch(/\?limit=500&offset=0$/);
    } finally {
      await server.close();
    }
  });

  it('finds the three faults that passed every other check, and nothing else fails on them', async () => {
    for (const fault of [
      'page-then-filter',
      'offset-before-filter-for-small-limits',
      'select-drops-offset',
    ] as const) {
      const server = await startCombinationFaultServer(fault);
      try {
        const report = await runConformance({
          baseUrl: server.url,
          threadId: THREAD_ID,
          emptyThreadId: EMPTY_THREAD_ID,
        });
        const failed = report.results.filter((result) => !result.passed).map((result) => result.id);
        expect(failed, fault).toEqual(['model.combinations']);
      } finally {
        await server.close();
      }
    }
  });

  it('sends the same queries for the same seed, as many as asked', async () => {
    const server = await startCombinationFaultServer('select-drops-offset');
    try {
      const first = await combinationCheck(server.url, { seed: 7, queries: 50 });
      const again = await combinationCheck(server.url, { seed: 7, queries: 50 });

      expect(first.findings).toEqual(again.findings);
      expect(first.findings[0]?.examples[0]?.message).toMatch(/^\d+ of 50 generated queries/);
    } finally {
      await server.close();
    }
  });
});

describe('model.combinations on a thread longer than its model', () => {
  const LONG_THREAD_ID = scenarioThreadId('long'); // 10,000 runs: the model holds the first 500

  it('passes the mock, paging inside the runs it knows', async () => {
    const mock = await createMockServer({ host: '127.0.0.1', port: 0, threads: 0 });
    try {
      const report = await runConformance({
        baseUrl: mock.url,
        threadId: LONG_THREAD_ID,
        only: ['model.'],
        prism: false,
      });
      expect(report.results.map((result) => [result.id, result.passed])).toEqual([
        ['model.combinations', true],
      ]);
    } finally {
      await mock.close();
    }
  });

  it('still catches a fault that needs no status filter', async () => {
    const server = await startCombinationFaultServer('limit-as-end-index');
    try {
      const report = await runConformance({
        baseUrl: server.url,
        threadId: LONG_THREAD_ID,
        only: ['model.'],
        prism: false,
      });
      const url = report.results[0]?.findings[0]?.examples[0]?.requests[0] ?? '';
      expect(report.results[0]?.passed).toBe(false);
      expect(partsOf(url)).toEqual(['offset']);
    } finally {
      await server.close();
    }
  });
});

describe('model.combinations against the mock', () => {
  it.each(['contract', 'agent-server'] as const)('passes under the %s profile', async (profile) => {
    const mock = await createMockServer({ host: '127.0.0.1', port: 0, threads: 0, profile });
    try {
      const result = await combinationCheck(mock.url);
      expect(result.findings).toEqual([]);
      expect(result.passed).toBe(true);
    } finally {
      await mock.close();
    }
  });
});
