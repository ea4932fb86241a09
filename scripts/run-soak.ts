import autocannon from 'autocannon';
import { startChildServer } from '../bench/child-server.js';
import { LatencyHistogram } from './latency-histogram.js';
import { sampleRss, type RssSummary } from './sample-rss.js';
import { sendRawRequest } from './send-raw-request.js';
import { soakRequests, type SoakRequest } from './soak-requests.js';

/** Options of `runSoak`. */
export interface SoakOptions {
  readonly seconds: number;
  readonly connections: number;
  /** The mock's compiled CLI (`cli/main.js`), started as a child on 127.0.0.1. */
  readonly cliScript: URL;
}

/** One request of the rotation and what it got. */
export interface SoakRequestResult {
  readonly method: string;
  readonly path: string;
  readonly expected: readonly number[];
  readonly byStatus: Readonly<Record<string, number>>;
  readonly unexpected: number;
}

/** What a soak measured. */
export interface SoakReport {
  readonly seconds: number;
  readonly connections: number;
  readonly pid: number;
  readonly url: string;
  readonly requests: {
    readonly sent: number;
    readonly answered: number;
    readonly errors: number;
    readonly timeouts: number;
  };
  readonly byStatus: Readonly<Record<string, number>>;
  /** Answers whose status is not one their request expects; must be 0. */
  readonly unexpected: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly rss: RssSummary;
  readonly perRequest: readonly SoakRequestResult[];
}

/** RSS may grow by this much from warm-up to the end; more is taken for a leak. */
export const MAX_RSS_GROWTH_PERCENT = 10;

/**
 * Starts the mock in a child process, drives it with autocannon for `seconds` over `connections`
 * keep-alive connections (each sending the rotation of `soakRequests` in turn), and samples the child's
 * RSS once warmed up (after a tenth of the time) and at the end. Every answer is filed under the request
 * that got it, so a status that request does not expect is counted.
 *
 * @example
 * const report = await runSoak({ seconds: 60, connections: 10, cliScript });
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const mock = await startChildServer({
    name: 'the mock',
    script: options.cliScript,
    args: ['serve', '--port', '0', '--host', '127.0.0.1', '--quiet'],
  });
  try {
    const rotation = soakRequests(await randomThreadId(mock.url));
    const tallies = rotation.map(() => new Map<number, number>());
    const latency = new LatencyHistogram();
    const rss = sampleRss(mock, options.seconds);
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: mock.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        requests: rotation.map((request, i) => toAutocannonRequest(request, tallies[i])),
        setupClient: (client) => {
          client.on('response', (_status, _bytes, responseTime) => {
            latency.record(responseTime);
          });
        },
      });
    } finally {
      rss.stop();
    }
    const memory = await rss.summary();
    const perRequest = rotation.map((request, i) => summarise(request, tallies[i] ?? new Map()));
    const byStatus: Record<string, number> = {};
    for (const entry of perRequest) {
      for (const [status, count] of Object.entries(entry.byStatus))
        byStatus[status] = (byStatus[status] ?? 0) + count;
    }
    return {
      seconds: options.seconds,
      connections: options.connections,
      pid: mock.pid,
      url: mock.url,
      requests: {
        sent: result.requests.sent,
        answered: perRequest.reduce((sum, entry) => sum + sumOf(entry.byStatus), 0),
        errors: result.errors,
        timeouts: result.timeouts,
      },
      byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => a.localeCompare(b))),
      unexpected: perRequest.reduce((sum, entry) => sum + entry.unexpected, 0),
      latencyMs: { p50: latency.percentile(50), p99: latency.percentile(99), max: latency.maxMs },
      rss: memory,
      perRequest,
    };
  } finally {
    await mock.stop();
  }
}

/** A request autocannon sends as is (built once), filing each answer's status in `tally`. */
function toAutocannonRequest(
  request: SoakRequest,
  tally: Map<number, number> | undefined,
): autocannon.Request {
  return {
    method: request.method,
    path: request.path,
    ...(request.headers === undefined ? {} : { headers: { ...request.headers } }),
    ...(request.body === undefined ? {} : { body: request.body }),
    onResponse: (status: number) => {
      tally?.set(status, (tally.get(status) ?? 0) + 1);
    },
  };
}

function summarise(request: SoakRequest, tally: ReadonlyMap<number, number>): SoakRequestResult {
  let unexpected = 0;
  for (const [status, count] of tally) if (!request.expected.includes(status)) unexpected += count;
  return {
    method: request.method,
    path: request.path,
    expected: request.expected,
    byStatus: Object.fromEntries(
      [...tally].sort(([a], [b]) => a - b).map(([status, count]) => [String(status), count]),
    ),
    unexpected,
  };
}

function sumOf(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

/** A thread of the running mock besides the scenario threads, with runs: the random data gets load too. */
async function randomThreadId(baseUrl: string): Promise<string> {
  const answer = await sendRawRequest({ baseUrl }, { method: 'GET', path: '/__mock/threads' });
  const threads = JSON.parse(answer.body) as {
    thread_id: string;
    scenario: string | null;
    run_count: number;
  }[];
  const random = threads.find((thread) => thread.scenario === null && thread.run_count > 0) ?? threads[0];
  if (random === undefined)
    throw new Error(`GET /__mock/threads listed no thread: ${answer.body.slice(0, 200)}`);
  return random.thread_id;
}
