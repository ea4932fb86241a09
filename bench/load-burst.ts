import autocannon from 'autocannon';
import { percentile } from './sample-statistics.js';

/** Options of `runBurst`. */
export interface BurstOptions {
  /** Base URL of the server under load. */
  readonly url: string;
  /** Request paths (with query), sent in turn; one path is sent over and over. */
  readonly paths: readonly string[];
  readonly connections: number;
  /** Stop after this long… */
  readonly durationMs?: number;
  /** …or after this many responses (takes precedence). */
  readonly amount?: number;
  /** Sent with every request, e.g. `x-api-key`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What one burst measured. */
export interface BurstResult {
  readonly requestsPerSecond: number;
  /** Latency percentiles of the 2xx responses, in milliseconds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly responses: number;
  /** Non-2xx responses, connection errors and timeouts. */
  readonly failures: number;
}

/**
 * One autocannon burst. Latencies are collected from each client's `response` event rather than read from
 * autocannon's histogram, which keeps whole milliseconds only: a 0.3 ms page would read as 0 or 1 ms, far
 * too coarse to compare two pages. Throughput is responses over the time to the last response, because
 * autocannon only checks its stop timer once per sample interval.
 */
export async function runBurst(options: BurstOptions): Promise<BurstResult> {
  const [firstPath] = options.paths;
  if (firstPath === undefined) throw new RangeError('runBurst() needs at least one path');
  const latencies: number[] = [];
  let next = 0;
  let lastResponseAt = 0;
  const started = performance.now();
  // A single path is sent as a prebuilt request; setupRequest would rebuild it for every request and
  // spend the load generator's CPU on it.
  const requests: autocannon.Request[] =
    options.paths.length === 1
      ? [{ path: firstPath }]
      : [
          {
            setupRequest: (request) => {
              const path = options.paths[next % options.paths.length] ?? firstPath;
              next++;
              return { ...request, path };
            },
          },
        ];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: (options.durationMs ?? 1000) / 1000,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
    sampleInt: 100,
    requests,
    setupClient: (client) => {
      client.on('response', (status, _bytes, responseTime) => {
        lastResponseAt = performance.now();
        if (status >= 200 && status < 300) latencies.push(responseTime);
      });
    },
  });
  const elapsedMs = Math.max(1, lastResponseAt - started);
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    requestsPerSecond: (latencies.length * 1000) / elapsedMs,
    p50Ms: latencies.length === 0 ? Number.NaN : percentile(latencies, 50),
    p99Ms: latencies.length === 0 ? Number.NaN : percentile(latencies, 99),
    responses: latencies.length + result.non2xx,
    failures,
  };
}
