import { describe, it, expect } from 'vitest';
import { runConformance } from '../../src/conformance/run-conformance.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { listen, type BrokenServer } from '../helpers/broken-servers.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const THREAD_ID = scenarioThreadId('all-statuses');

/** A server that lists the thread's newest runs with their `created_at` rewritten by `rewrite`. */
function serveWithTimestamps(rewrite: (createdAt: string, index: number) => string): Promise<BrokenServer> {
  const runs = createSeededStore({ threads: 0 })
    .listRuns({ threadId: THREAD_ID, offset: 0, limit: 10 })
    .map((run, index) => ({ ...run, created_at: rewrite(run.created_at, index) }));
  return listen((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(runs));
  });
}

async function orderFindings(server: BrokenServer): Promise<string[]> {
  const report = await runConformance({
    baseUrl: server.url,
    threadId: THREAD_ID,
    only: ['order.'],
    prism: false,
  });
  return report.results.flatMap((result) => result.findings.map((finding) => finding.cause));
}

describe('order.created-at-desc', () => {
  it('passes equal instants written differently (Z and +00:00)', async () => {
    // Every pair shares one instant; the second of each pair is written with Z.
    const server = await serveWithTimestamps((createdAt, index) =>
      index % 2 === 0 ? '2026-06-01T00:00:00+00:00' : '2026-06-01T00:00:00Z',
    );
    try {
      expect(await orderFindings(server)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('passes a later instant written with an offset that sorts lower as text', async () => {
    // 10:00+02:00 is 08:00Z: as text it sorts above 09:00Z, as an instant it is older.
    const server = await serveWithTimestamps((_createdAt, index) =>
      index === 0 ? '2026-06-01T09:00:00Z' : '2026-06-01T10:00:00+02:00',
    );
    try {
      expect(await orderFindings(server)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('fails a run listed before one newer by a microsecond', async () => {
    const server = await serveWithTimestamps((_createdAt, index) =>
      index === 3 ? '2026-06-01T00:00:00.000001+00:00' : '2026-06-01T00:00:00.000000+00:00',
    );
    try {
      expect(await orderFindings(server)).toEqual([
        'a run is listed before an older one: the list is not newest first',
      ]);
    } finally {
      await server.close();
    }
  });
});
