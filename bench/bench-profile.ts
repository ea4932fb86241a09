import type { BenchMode } from './parse-bench-arguments.js';

/** How long and how often each measurement runs in one bench mode. */
export interface BenchProfile {
  /** Rounds of A, B, C… alternation; each figure is the median over its rounds. */
  readonly rounds: number;
  /** Load on each throughput target before the rounds: V8 needs seconds to tier up and size its heap. */
  readonly warmUpMs: number;
  /** Length of one throughput burst per target and round. */
  readonly burstMs: number;
  /** Length of one latency burst per scale page and round. */
  readonly latencyBurstMs: number;
  /** Concurrent connections of a throughput burst. */
  readonly connections: number;
  /** Start-ups per server, alternating. */
  readonly startupRepeats: number;
  /** Size of the large scenario thread. */
  readonly largeThreadRuns: number;
  /** Random page requests before the second RSS reading. */
  readonly randomRequests: number;
  /** Length of one in-process validation loop per validator and round. */
  readonly checkLoopMs: number;
  /** Runs of the conformance suite. */
  readonly conformanceRepeats: number;
  /** `--threads` of the threads-at-scale start. */
  readonly manyThreads: number;
  /** Runs in the threads-at-scale fixture file. */
  readonly fixtureRuns: number;
}

const PROFILES: Readonly<Record<BenchMode, BenchProfile>> = {
  // About three minutes on two cores; six rounds, so that one disturbed round cannot move a median.
  full: {
    rounds: 6,
    warmUpMs: 5000,
    burstMs: 3000,
    latencyBurstMs: 1000,
    connections: 10,
    startupRepeats: 7,
    largeThreadRuns: 1_000_000,
    randomRequests: 10_000,
    checkLoopMs: 1000,
    conformanceRepeats: 3,
    manyThreads: 1_000_000,
    fixtureRuns: 100_000,
  },
  quick: {
    rounds: 2,
    warmUpMs: 2000,
    burstMs: 1000,
    latencyBurstMs: 500,
    connections: 10,
    startupRepeats: 3,
    largeThreadRuns: 1_000_000,
    randomRequests: 10_000,
    checkLoopMs: 300,
    conformanceRepeats: 1,
    manyThreads: 1_000_000,
    fixtureRuns: 100_000,
  },
  // Proves every step runs; the figures mean little. A 20,000-run thread keeps it to seconds.
  smoke: {
    rounds: 1,
    warmUpMs: 300,
    burstMs: 400,
    latencyBurstMs: 200,
    connections: 4,
    startupRepeats: 1,
    largeThreadRuns: 20_000,
    randomRequests: 1000,
    checkLoopMs: 100,
    conformanceRepeats: 1,
    manyThreads: 20_000,
    fixtureRuns: 2000,
  },
};

/** The durations and counts of a bench mode. */
export function benchProfile(mode: BenchMode): BenchProfile {
  return PROFILES[mode];
}
