import { alternateRounds, medianOf } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { expectOk } from './http-get.js';
import { runBurst, type BurstResult } from './load-burst.js';
import { ratioRow } from './ratio-row.js';
import { median } from './sample-statistics.js';

const SECTION = 'proxy';

/**
 * What the validating proxy costs: the same page (the default page of a 40-run thread, checked against
 * the contract on every answer) asked of the mock directly and through `langgraph-mock proxy`, in
 * alternating bursts after a warm-up. Throughput is judged as a ratio of the rounds' rates, latency as the
 * median of the rounds' p50 differences.
 */
export async function measureProxyOverhead(
  mock: ChildServer,
  path: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  log(`${SECTION}: starting the proxy in front of the mock`);
  const proxy = await startChildServer({
    name: 'proxy',
    script: new URL('./servers/proxy-server.js', import.meta.url),
    args: ['--target', mock.url],
  });
  try {
    // Same bytes both ways, or the comparison would not be of the same answer.
    const [direct, proxied] = [await expectOk(mock.url + path), await expectOk(proxy.url + path)];
    if (direct.body !== proxied.body) throw new Error('proxy: the answer through the proxy differs');
    const targets = [
      { label: 'mock, default page, direct', server: mock },
      { label: 'mock, default page, through the proxy', server: proxy },
    ] as const;
    const burst = (server: ChildServer, durationMs: number): Promise<BurstResult> =>
      runBurst({ url: server.url, paths: [path], connections: profile.connections, durationMs });
    log(`${SECTION}: warming up`);
    for (const { server } of targets) await burst(server, profile.warmUpMs);
    const [directRounds = [], proxiedRounds = []] = await alternateRounds(
      targets,
      profile.rounds,
      async (target, round) => {
        log(`${SECTION}: round ${round + 1}/${profile.rounds}, ${target.label}`);
        return burst(target.server, profile.burstMs);
      },
    );
    const rows = [directRounds, proxiedRounds].map((rounds, index): BenchRow => {
      const failures = rounds.reduce((total, sample) => total + sample.failures, 0);
      return {
        section: SECTION,
        measure: targets[index]?.label ?? '',
        value: medianOf(rounds, (sample) => sample.requestsPerSecond),
        unit: 'req/s',
        note: `p50 ${medianOf(rounds, (sample) => sample.p50Ms).toFixed(2)} ms, p99 ${medianOf(rounds, (sample) => sample.p99Ms).toFixed(2)} ms${failures === 0 ? '' : `, ${failures} failed responses`}`,
      };
    });
    const p50Differences = proxiedRounds.map(
      (sample, round) => sample.p50Ms - (directRounds[round]?.p50Ms ?? Number.NaN),
    );
    rows.push(
      ratioRow({
        section: SECTION,
        measure: 'throughput through the proxy ÷ direct',
        numerators: proxiedRounds.map((sample) => sample.requestsPerSecond),
        denominators: directRounds.map((sample) => sample.requestsPerSecond),
        target: { comparison: 'at-least', bound: 0.5 },
      }),
      {
        section: SECTION,
        measure: 'p50 through the proxy − direct',
        value: median(p50Differences),
        unit: 'ms',
        note: `per round ${Math.min(...p50Differences).toFixed(2)}–${Math.max(...p50Differences).toFixed(2)} ms`,
        target: { comparison: 'at-most', bound: 1 },
      },
    );
    return rows;
  } finally {
    await proxy.stop();
  }
}
