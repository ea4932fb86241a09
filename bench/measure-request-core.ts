import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { createHandlers } from '../src/msw/create-handlers.js';
import { alternateRounds, medianOf } from './alternate-rounds.js';
import type { BenchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { runBurst, type BurstResult } from './load-burst.js';
import { ratioRow } from './ratio-row.js';
import { percentile } from './sample-statistics.js';

const SECTION = 'request core';
const API_KEY = 'bench-key';

/** One server of the section and the headers its load sends. */
interface Door {
  readonly label: string;
  readonly server: ChildServer;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The request core's doors against the platform's limit, in one run: the CLI as users start it (request
 * log on, stdout to a file), with `--api-key`, and `--quiet`, each as a ratio to bare `node:http` writing
 * the same bytes; then the MSW handlers' time per default page under `msw/node`, in this process, against
 * the same `fetch` to the default server.
 */
export async function measureRequestCore(
  cli: URL,
  bareNode: URL,
  path: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const logDir = mkdtempSync(join(tmpdir(), 'langgraph-mock-bench-log-'));
  const logFile = join(logDir, 'default.log');
  log(`${SECTION}: starting bare node:http and the CLI three ways`);
  const serve = (name: string, args: readonly string[], stdoutFile?: string): Promise<ChildServer> =>
    startChildServer({
      name,
      script: cli,
      args: ['serve', '--port', '0', ...args],
      ...(stdoutFile === undefined ? {} : { stdoutFile }),
    });
  const bare = await startChildServer({ name: 'bare node:http', script: bareNode });
  const doors: Door[] = [
    { label: 'bare node:http, same bytes', server: bare },
    { label: 'mock, default (request log to a file)', server: await serve('mock (default)', [], logFile) },
    {
      label: 'mock, --api-key (request log to a file)',
      server: await serve('mock (--api-key)', ['--api-key', API_KEY], join(logDir, 'api-key.log')),
      headers: { 'x-api-key': API_KEY },
    },
    { label: 'mock, --quiet', server: await serve('mock (--quiet)', ['--quiet']) },
  ];
  try {
    const burst = (door: Door, durationMs: number): Promise<BurstResult> =>
      runBurst({
        url: door.server.url,
        paths: [path],
        connections: profile.connections,
        durationMs,
        ...(door.headers === undefined ? {} : { headers: door.headers }),
      });
    log(`${SECTION}: warming up`);
    for (const door of doors) await burst(door, profile.warmUpMs);
    const samples = await alternateRounds(doors, profile.rounds, async (door, round) => {
      log(`${SECTION}: round ${round + 1}/${profile.rounds}, ${door.label}`);
      return burst(door, profile.burstMs);
    });
    const rows = doors.map((door, index): BenchRow => {
      const rounds = samples[index] ?? [];
      const failures = rounds.reduce((total, sample) => total + sample.failures, 0);
      return {
        section: SECTION,
        measure: door.label,
        value: medianOf(rounds, (sample) => sample.requestsPerSecond),
        unit: 'req/s',
        note: `p50 ${medianOf(rounds, (sample) => sample.p50Ms).toFixed(2)} ms, p99 ${medianOf(rounds, (sample) => sample.p99Ms).toFixed(2)} ms${failures === 0 ? '' : `, ${failures} failed responses`}`,
      };
    });
    const rates = samples.map((rounds) => rounds.map((sample) => sample.requestsPerSecond));
    const [bareRates = [], ...mockRates] = rates;
    const ratioLabels = [
      'default (log on) ÷ bare node:http',
      '--api-key ÷ bare node:http',
      '--quiet ÷ bare node:http',
    ];
    ratioLabels.forEach((measure, index) => {
      rows.push(
        ratioRow({
          section: SECTION,
          measure,
          numerators: mockRates[index] ?? [],
          denominators: bareRates,
          target: { comparison: 'at-least', bound: 0.8 },
        }),
      );
    });
    const logged = statSync(logFile).size;
    rows.push({
      section: SECTION,
      measure: 'request log written by the default server',
      value: logged / 1e6,
      unit: 'MB',
      note: 'every request of the section, one line each, through the buffered writer',
    });
    rows.push(...(await measureMsw(doors[1]?.server.url ?? '', path, profile, log)));
    return rows;
  } finally {
    await Promise.all(doors.map((door) => door.server.stop()));
  }
}

/** Per-request times of `count` sequential fetches of `url`, after as many again to warm up. */
async function sequentialTimes(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count * 2; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.text();
    if (i >= count) times.push(performance.now() - started);
  }
  return times;
}

/** MSW handlers under msw/node against the real default server, both with the same sequential fetch. */
async function measureMsw(
  serverUrl: string,
  path: string,
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const count = Math.max(100, Math.round(profile.burstMs / 2));
  log(`${SECTION}: ${count} sequential fetches to the default server, then to MSW handlers`);
  const server = await sequentialTimes(`${serverUrl}${path}`, count);
  const baseUrl = 'http://msw.bench';
  const worker = setupServer(...createHandlers({ baseUrl }));
  worker.listen({ onUnhandledRequest: 'error' });
  let msw: number[];
  try {
    msw = await sequentialTimes(`${baseUrl}${path}`, count);
  } finally {
    worker.close();
  }
  const row = (measure: string, times: readonly number[]): BenchRow => ({
    section: SECTION,
    measure,
    value: percentile(times, 50),
    unit: 'ms',
    note: `p50 of ${times.length} sequential fetches; p99 ${percentile(times, 99).toFixed(2)} ms`,
  });
  return [
    row('MSW handlers (msw/node), default page', msw),
    row('default server, default page, same fetch', server),
    {
      section: SECTION,
      measure: 'MSW handlers ÷ server, time per page (p50)',
      value: percentile(msw, 50) / percentile(server, 50),
      unit: 'x',
    },
  ];
}
