import { Agent } from 'node:http';
import fc from 'fast-check';
import { hash32 } from '../src/store/random.js';
import { fuzzOnce, type FuzzProblem } from './fuzz-once.js';
import {
  FUZZ_REQUEST_KINDS,
  fuzzRequestArbitrary,
  type FuzzRequest,
  type FuzzRequestKind,
} from './fuzz-requests.js';

/** Options of `runFuzz`. */
export interface FuzzOptions {
  /** Base URL of the server under test. */
  readonly baseUrl: string;
  /** Cases `first` to `first + cases - 1` are run. */
  readonly cases: number;
  readonly seed: number;
  /** The first case to run (default 0); with `cases: 1`, replays exactly one case. */
  readonly first?: number;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** A plain List Runs request must still get its 200 after every this many cases (default 1000). */
  readonly livenessEvery?: number;
  /** The thread the liveness request reads. */
  readonly livenessThreadId: string;
  /** Called now and then with the number of cases done. */
  readonly onProgress?: (done: number) => void;
}

/** One case that failed, with what it takes to replay it. */
export interface FuzzFailure {
  /** The case's index; with the seed, `--seed S --case N` replays it. */
  readonly caseIndex: number;
  /** True for a liveness request sent after that case, not the case itself. */
  readonly liveness: boolean;
  readonly request: FuzzRequest | { readonly method: string; readonly path: string };
  readonly status: number | undefined;
  readonly problems: readonly FuzzProblem[];
}

/** What a fuzz run found. */
export interface FuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly durationMs: number;
  /** Answers by status; `none` counts requests that got no answer. */
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byKind: Readonly<Record<FuzzRequestKind, number>>;
  readonly liveness: { readonly checks: number; readonly failed: number };
  /** Failed cases and liveness checks in case order, up to `MAX_FAILURES_KEPT` of each problem kind. */
  readonly failures: readonly FuzzFailure[];
  readonly failureCount: number;
  /** Every failure counted under the kind of its first problem. */
  readonly failuresByProblem: Readonly<Record<string, number>>;
}

/**
 * Failures kept with their details per kind of (first) problem: beyond it only the count grows, so a broken
 * server cannot exhaust memory, and a common failure cannot hide a rare one.
 */
export const MAX_FAILURES_KEPT = 50;

/**
 * The request of case `index`: drawn by fast-check from a seed of its own, derived from the run's seed and
 * the index, so any one case can be replayed without generating the ones before it.
 */
export function fuzzCase(seed: number, index: number, arbitrary = fuzzRequestArbitrary()): FuzzRequest {
  const [request] = fc.sample(arbitrary, { seed: hash32(seed, index) | 0, numRuns: 1 });
  if (request === undefined) throw new Error('fast-check produced no sample');
  return request;
}

/**
 * Sends `cases` fuzz requests with bounded concurrency over a keep-alive pool and judges every answer
 * (`fuzzOnce`); every `livenessEvery` cases a plain List Runs request checks that the server still
 * answers. Cases are drawn in order, so the same seed gives the same requests whatever the timing.
 *
 * @example
 * const report = await runFuzz({ baseUrl: mock.url, cases: 2000, seed: 7, livenessThreadId });
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const arbitrary = fuzzRequestArbitrary();
  const first = options.first ?? 0;
  const livenessEvery = options.livenessEvery ?? 1000;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency ?? 8 });
  const byStatus: Record<string, number> = {};
  const byKind = Object.fromEntries(FUZZ_REQUEST_KINDS.map((kind) => [kind, 0])) as Record<
    FuzzRequestKind,
    number
  >;
  const failures: FuzzFailure[] = [];
  let failureCount = 0;
  let livenessChecks = 0;
  let livenessFailed = 0;
  let next = first;
  let done = 0;
  const keptByKind = new Map<string, number>();
  const failuresByProblem: Record<string, number> = {};
  const record = (failure: FuzzFailure): void => {
    failureCount++;
    const kind = failure.problems[0]?.kind ?? 'none';
    failuresByProblem[kind] = (failuresByProblem[kind] ?? 0) + 1;
    const kept = keptByKind.get(kind) ?? 0;
    if (kept < MAX_FAILURES_KEPT) {
      keptByKind.set(kind, kept + 1);
      failures.push(failure);
    }
  };

  const worker = async (): Promise<void> => {
    while (next < first + options.cases) {
      const caseIndex = next++;
      const request = fuzzCase(options.seed, caseIndex, arbitrary);
      const verdict = await fuzzOnce(options.baseUrl, request, { agent });
      const statusKey = verdict.status === undefined ? 'none' : String(verdict.status);
      byStatus[statusKey] = (byStatus[statusKey] ?? 0) + 1;
      byKind[request.kind]++;
      if (verdict.problems.length > 0) record({ caseIndex, liveness: false, ...verdict });
      done++;
      if (done % livenessEvery === 0) {
        livenessChecks++;
        const probe = await checkLiveness(options.baseUrl, options.livenessThreadId, agent);
        if (probe.problems.length > 0) {
          livenessFailed++;
          record({ caseIndex, liveness: true, ...probe });
        }
        options.onProgress?.(done);
      }
    }
  };

  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  } finally {
    agent.destroy();
  }
  failures.sort((a, b) => a.caseIndex - b.caseIndex);
  return {
    seed: options.seed,
    cases: options.cases,
    durationMs: performance.now() - started,
    byStatus: Object.fromEntries(Object.entries(byStatus).sort(([a], [b]) => a.localeCompare(b))),
    byKind,
    liveness: { checks: livenessChecks, failed: livenessFailed },
    failures,
    failureCount,
    failuresByProblem,
  };
}

/** A plain, valid List Runs read: it must get a 200 that passes the contract, however the fuzzing went. */
async function checkLiveness(
  baseUrl: string,
  threadId: string,
  agent: Agent,
): Promise<{
  request: { method: string; path: string };
  status: number | undefined;
  problems: FuzzProblem[];
}> {
  const request = { method: 'GET', path: `/threads/${threadId}/runs?limit=3` };
  const verdict = await fuzzOnce(baseUrl, request, { agent, timeoutMs: 5000 });
  const problems = [...verdict.problems];
  if (verdict.status !== undefined && verdict.status !== 200) {
    problems.push({ kind: 'unexpected-status', message: `${verdict.status}, expected 200` });
  }
  return { request, status: verdict.status, problems };
}
