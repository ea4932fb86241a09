import { alternateRounds } from './alternate-rounds.js';
import { LARGE_THREAD_ID, SMALL_THREAD_ID, SMALL_THREAD_RUNS, runsPath } from './bench-dataset.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import type { ChildServer } from './child-server.js';
import { expectOk } from './http-get.js';
import { runBurst } from './load-burst.js';
import { ratioRow } from './ratio-row.js';
import { median } from './sample-statistics.js';

const SECTION = 'scale';
const PAGE_SIZE = 10;
const WARM_UP_REQUESTS = 200;

/** The four pages the scale section compares, as a query for a thread of `runs` runs. */
export const SCALE_PAGES = [
  { name: 'page 1', query: (): string => '' },
  { name: 'deep page', query: (runs: number): string => `offset=${Math.max(0, runs - PAGE_SIZE)}` },
  { name: 'status page', query: (): string => 'status=error' },
  { name: 'select page', query: (): string => 'select=run_id&select=status' },
] as const;

/**
 * p50 latency of four pages on the large thread against the same pages on the 10-run thread, served by
 * one process. One connection, so the figure is the time to serve a page rather than time spent queued;
 * the eight (page, thread) pairs alternate in every round.
 */
export async function measureScale(
  server: ChildServer,
  largeRuns: number,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const threads = [
    { threadId: LARGE_THREAD_ID, runs: largeRuns },
    { threadId: SMALL_THREAD_ID, runs: SMALL_THREAD_RUNS },
  ];
  const targets = SCALE_PAGES.flatMap((page) =>
    threads.map((thread) => ({
      page: page.name,
      runs: thread.runs,
      path: runsPath(thread.threadId, page.query(thread.runs)),
    })),
  );
  // The first request on a thread builds its status column; a warm-up keeps that out of the p50.
  log(`${SECTION}: warming up`);
  for (const target of targets) {
    const answer = await expectOk(`${server.url}${target.path}`);
    const count = (JSON.parse(answer.body) as unknown[]).length;
    if (count !== PAGE_SIZE) throw new Error(`${target.path} returned ${count} runs, not ${PAGE_SIZE}`);
    await runBurst({ url: server.url, paths: [target.path], connections: 1, amount: WARM_UP_REQUESTS });
  }
  const samples = await alternateRounds(targets, profile.rounds, async (target, round) => {
    log(
      `${SECTION}: round ${round + 1}/${profile.rounds}, ${target.page} of ${target.runs.toLocaleString('en-US')} runs`,
    );
    return runBurst({
      url: server.url,
      paths: [target.path],
      connections: 1,
      durationMs: profile.latencyBurstMs,
    });
  });
  const p50Micros = samples.map((rounds) => rounds.map((sample) => sample.p50Ms * 1000));
  return SCALE_PAGES.map((page, index): BenchRow => {
    const large = p50Micros[index * 2] ?? [];
    const small = p50Micros[index * 2 + 1] ?? [];
    return ratioRow({
      section: SECTION,
      measure: `${page.name} p50, ${largeRuns.toLocaleString('en-US')}-run ÷ ${SMALL_THREAD_RUNS}-run thread`,
      numerators: large,
      denominators: small,
      note: `${median(large).toFixed(0)} µs vs ${median(small).toFixed(0)} µs`,
      target: { comparison: 'at-most', bound: 1.2 },
    });
  });
}
