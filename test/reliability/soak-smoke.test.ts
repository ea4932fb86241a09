import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../scripts/latency-histogram.js';
import type { SoakReport } from '../../scripts/run-soak.js';
import { soakCommand } from '../../scripts/soak-command.js';
import { soakRequests } from '../../scripts/soak-requests.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';

// The CLI that `npm test` builds before Vitest runs; the soak starts it as its child. (Not .bench-build/:
// the bench smoke test compiles into it at the same time.)
const CLI = new URL('../../dist/cli/main.js', import.meta.url);

/** Runs the soak command in this process, output captured. */
async function soak(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await soakCommand(
    argv,
    {
      out: (text) => (out += text),
      err: (text) => (err += text),
    },
    CLI,
  );
  return { code, out, err };
}

describe('npm run soak', () => {
  it('loads the mock for 3 seconds over 2 connections and reports every answer as expected', async () => {
    expect(existsSync(CLI), 'dist/cli/main.js: run `npm run build` first').toBe(true);
    const { out } = await soak(['--seconds', '3', '--connections', '2', '--json']);
    const report = JSON.parse(out) as SoakReport;

    expect(report).toMatchObject({ seconds: 3, connections: 2, unexpected: 0 });
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(report.requests.answered).toBeGreaterThan(0);
    expect(report.requests.errors).toBe(0);
    // Each request of the rotation was answered, and only with its own status (no timing is asserted).
    for (const entry of report.perRequest) {
      expect(Object.keys(entry.byStatus), `${entry.method} ${entry.path}`).toEqual(
        entry.expected.map(String),
      );
    }
    expect(Object.keys(report.byStatus).sort()).toEqual(['200', '204', '404', '405', '422']);
    for (const value of [
      report.latencyMs.p50,
      report.latencyMs.p99,
      report.rss.warmUpBytes,
      report.rss.endBytes,
    ]) {
      expect(value).toBeGreaterThan(0);
    }
    expect(Number.isFinite(report.rss.growthPercent)).toBe(true);
  }, 30_000);

  it.each([
    {
      name: 'more than an hour',
      argv: ['--seconds', '3601'],
      message: /--seconds must be an integer from 1 to 3600/,
    },
    {
      name: 'zero connections',
      argv: ['--connections', '0'],
      message: /--connections must be an integer from 1 to 256/,
    },
    { name: 'an unknown flag', argv: ['--url', 'http://example.com'], message: /Unknown option '--url'/ },
  ])('refuses $name with exit code 2', async ({ argv, message }) => {
    const { code, err } = await soak(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('soakRequests', () => {
  const requests = soakRequests('00000000-0000-4000-8000-000000000002');

  it('is mostly valid requests, with every filter value and each kind of mistake', () => {
    const valid = requests.filter((request) => request.expected.every((status) => status < 300));
    expect(valid.length / requests.length).toBeGreaterThan(0.6);
    for (const status of getListRunsContract().statusFilterValues) {
      expect(requests.some((request) => request.path.endsWith(`?status=${status}`))).toBe(true);
    }
    expect(new Set(requests.flatMap((request) => request.expected))).toEqual(
      new Set([200, 204, 404, 405, 422]),
    );
  });
});

describe('LatencyHistogram', () => {
  it('gives percentiles within 1 % of the exact ones', () => {
    const histogram = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) histogram.record(i / 100);
    expect(histogram.count).toBe(1000);
    expect(histogram.percentile(50)).toBeGreaterThanOrEqual(5);
    expect(histogram.percentile(50)).toBeLessThanOrEqual(5 * 1.01);
    expect(histogram.percentile(99)).toBeGreaterThanOrEqual(9.9);
    expect(histogram.percentile(99)).toBeLessThanOrEqual(9.9 * 1.01);
    expect(histogram.percentile(100)).toBe(10);
  });

  it('gives NaN before any sample, so an empty soak cannot pass as fast', () => {
    expect(new LatencyHistogram().percentile(99)).toBeNaN();
  });
});
