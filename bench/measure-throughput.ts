import { alternateRounds, medianOf } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import type { ChildServer } from './child-server.js';
import { expectOk } from './http-get.js';
import { runBurst, type BurstResult } from './load-burst.js';
import { ratioRow } from './ratio-row.js';

/** The four servers the throughput section loads, each in its own process. */
export interface ThroughputServers {
  readonly mock: ChildServer;
  readonly floor: ChildServer;
  readonly prismStatic: ChildServer;
  readonly prismDynamic: ChildServer;
}

const SECTION = 'throughput';

/**
 * Throughput and latency of the same request (the default page of a 40-run thread) on the mock, the
 * Express floor and Prism's static and dynamic mocks, in alternating bursts after a warm-up; each figure
 * is the median of its rounds, each ratio the median of the rounds' ratios.
 */
export async function measureThroughput(
  servers: ThroughputServers,
  path: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const targets = [
    { label: 'Express floor (10 precomputed runs)', server: servers.floor },
    { label: 'Prism static mock', server: servers.prismStatic },
    { label: 'Prism dynamic mock', server: servers.prismDynamic },
    { label: 'mock, default page', server: servers.mock },
  ] as const;
  // Body sizes go in the table: Prism answers with one example run, the mock and the floor with ten.
  const bodyBytes: number[] = [];
  for (const { server } of targets) {
    bodyBytes.push(Buffer.byteLength((await expectOk(`${server.url}${path}`)).body));
  }
  const burst = (server: ChildServer, durationMs: number): Promise<BurstResult> =>
    runBurst({ url: server.url, paths: [path], connections: profile.connections, durationMs });

  log(`${SECTION}: warming up`);
  for (const { server } of targets) await burst(server, profile.warmUpMs);
  const samples = await alternateRounds(targets, profile.rounds, async (target, round) => {
    log(`${SECTION}: round ${round + 1}/${profile.rounds}, ${target.label}`);
    return burst(target.server, profile.burstMs);
  });

  const rates = samples.map((rounds) => rounds.map((sample) => sample.requestsPerSecond));
  const rows = targets.map((target, index): BenchRow => {
    const rounds = samples[index] ?? [];
    const failures = rounds.reduce((total, sample) => total + sample.failures, 0);
    const latency = `p50 ${medianOf(rounds, (sample) => sample.p50Ms).toFixed(2)} ms, p99 ${medianOf(rounds, (sample) => sample.p99Ms).toFixed(2)} ms`;
    return {
      section: SECTION,
      measure: target.label,
      value: medianOf(rounds, (sample) => sample.requestsPerSecond),
      unit: 'req/s',
      note: `${latency}, ${(bodyBytes[index] ?? 0).toLocaleString('en-US')} B body${failures === 0 ? '' : `, ${failures} failed responses`}`,
    };
  });
  const [floor = [], prismStatic = [], prismDynamic = [], mock = []] = rates;
  rows.push(
    ratioRow({
      section: SECTION,
      measure: 'mock ÷ Express floor',
      numerators: mock,
      denominators: floor,
      target: { comparison: 'at-least', bound: 0.9 },
    }),
    ratioRow({
      section: SECTION,
      measure: 'mock ÷ Prism static (logging off)',
      numerators: mock,
      denominators: prismStatic,
      target: { comparison: 'at-least', bound: 1.5 },
    }),
    ratioRow({
      section: SECTION,
      measure: 'mock ÷ Prism dynamic',
      numerators: mock,
      denominators: prismDynamic,
      target: { comparison: 'at-least', bound: 10 },
    }),
  );
  return rows;
}
