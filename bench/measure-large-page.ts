import { request } from 'node:http';
import { LARGE_THREAD_ID, runsPath, shippedScenarioThreadId } from './bench-dataset.js';
import type { BenchRow } from './bench-row.js';
import type { ChildServer } from './child-server.js';
import { expectOk } from './http-get.js';
import { percentile } from './sample-statistics.js';

const SECTION = 'large page';
const RSS_EVERY_MS = 100;

/** What reading the whole large page took. */
interface WholePage {
  readonly status: number;
  readonly ms: number;
  readonly bytes: number;
  /** Occurrences of `"run_id":` in the body, counted across chunk boundaries. */
  readonly runIdKeys: number;
}

/**
 * The whole thread as one page (`limit` = every run) from a server started with an IPC channel, while
 * another client keeps asking for the default page: the page's time and size, the server's RSS above
 * idle, and the other client's p99. The body is counted as it arrives, never held whole.
 */
export async function measureLargePage(
  server: ChildServer,
  largeRuns: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const defaultPath = runsPath(shippedScenarioThreadId('all-statuses'));
  const keysPerRun = countRunIdKeys((await expectOk(`${server.url}${defaultPath}`)).body) / 10;
  for (let i = 0; i < 50; i++) await expectOk(`${server.url}${defaultPath}`);
  const idleRss = await server.rss();
  log(`${SECTION}: limit=${largeRuns} on the ${largeRuns.toLocaleString('en-US')}-run thread`);

  let peakRss = idleRss;
  const sampler = setInterval(() => {
    void server.rss().then((rss) => (peakRss = Math.max(peakRss, rss)));
  }, RSS_EVERY_MS);
  const reading = { done: false };
  const page = readWholePage(`${server.url}${runsPath(LARGE_THREAD_ID, `limit=${largeRuns}`)}`).finally(
    () => {
      reading.done = true;
    },
  );
  const otherClient: number[] = [];
  while (!reading.done) {
    const started = performance.now();
    await expectOk(`${server.url}${defaultPath}`);
    otherClient.push(performance.now() - started);
  }
  const whole = await page;
  clearInterval(sampler);
  const runs = whole.runIdKeys / keysPerRun;
  const growthMb = (peakRss - idleRss) / 1e6;
  return [
    {
      section: SECTION,
      measure: `limit=${largeRuns.toLocaleString('en-US')}, whole page`,
      value: whole.ms / 1000,
      unit: 's',
      note: `status ${whole.status}, ${(whole.bytes / 1e6).toFixed(0)} MB`,
    },
    {
      section: SECTION,
      measure: 'runs in that page ÷ runs in the thread (200 only)',
      value: whole.status === 200 ? runs / largeRuns : 0,
      unit: 'x',
      note: `${runs.toLocaleString('en-US')} runs`,
      target: { comparison: 'at-least', bound: 1 },
    },
    {
      section: SECTION,
      measure: 'server RSS above idle during the page',
      value: growthMb,
      unit: 'MB',
      note: `idle ${(idleRss / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB`,
      target: { comparison: 'at-most', bound: 150 },
    },
    {
      section: SECTION,
      measure: "another client's default page p99, meanwhile",
      value: otherClient.length === 0 ? Number.NaN : percentile(otherClient, 99),
      unit: 'ms',
      note: `${otherClient.length} requests, p50 ${otherClient.length === 0 ? 'n/a' : percentile(otherClient, 50).toFixed(2)} ms`,
      target: { comparison: 'at-most', bound: 50 },
    },
  ];
}

function countRunIdKeys(text: string): number {
  return text.split('"run_id":').length - 1;
}

/** GETs `url` and counts its body as it streams in. */
function readWholePage(url: string): Promise<WholePage> {
  const key = '"run_id":';
  return new Promise<WholePage>((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(url, { agent: false }, (response) => {
      let bytes = 0;
      let runIdKeys = 0;
      let tail = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        const text = tail + chunk;
        runIdKeys += countRunIdKeys(text);
        // A key split between two chunks is found in the next text; a tail shorter than the key can
        // hold no whole key, so nothing is counted twice.
        tail = text.slice(-(key.length - 1));
      });
      response.on('error', reject);
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes, runIdKeys });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
