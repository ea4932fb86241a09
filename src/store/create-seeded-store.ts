import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { checkTimeline } from './check-timeline.js';
import { loadDatasetDefinition, type DatasetDefinition } from './dataset-definition.js';
import { createRandom, hash32, hashString, type Random } from './random.js';
import { PENDING_STATUS, RUNNING_STATUS } from './run-lifecycle.js';
import { RunStore, type Clock } from './run-store.js';
import { SEED_STREAMS } from './seed-streams.js';
import { createSeededFaker } from './seeded-faker.js';
import { randomThreadId, randomThreadOrdinal } from './random-thread-ids.js';
import { ThreadCatalog, type LazyThreads } from './thread-catalog.js';
import type { Assistant, ThreadPlan } from './thread-plan.js';
import { AGENT_SERVER_GRAPH_NAMESPACE, uuid5 } from './uuid.js';

/** Options of `createSeededStore`. */
export interface SeededStoreOptions {
  /** Fixes every generated value; the same seed gives byte-identical data everywhere. Default 42. */
  readonly seed?: number;
  /** How many random threads to add to the scenario threads. Default 20. */
  readonly threads?: number;
  /**
   * The instant the data counts back from: a date, or `'now'` so that a UI shows "3 minutes ago".
   * Default: the dataset's fixed anchor, which keeps responses identical across runs.
   */
  readonly anchor?: Date | 'now' | undefined;
  /** The dataset description; default `fixtures/dataset.json`. */
  readonly dataset?: DatasetDefinition | undefined;
  /** "Now" for writes, in microseconds (default: the anchor, advancing with the wall clock). */
  readonly clock?: Clock | undefined;
}

/** The default seed, used when none is given. */
export const DEFAULT_SEED = 42;
/** The default number of random threads. */
export const DEFAULT_RANDOM_THREADS = 20;

const MICROS_PER_SECOND = 1_000_000;

/**
 * Builds the seeded in-memory store: the dataset's scenario threads (stable ids) followed by random
 * threads. Only the scenario threads' plans are built here; random threads are described when first
 * used, and runs are generated when a page asks for them, so `threads: 1_000_000` starts at once.
 * Throws `DatasetDefinitionError` when the anchor would put the data outside the timeline window.
 *
 * @example
 * const store = createSeededStore({ seed: 7, threads: 5 });
 */
export function createSeededStore(options: SeededStoreOptions = {}): RunStore {
  const seed = options.seed ?? DEFAULT_SEED;
  const dataset = options.dataset ?? loadDatasetDefinition();
  const anchorMicros =
    options.anchor === undefined
      ? dataset.anchorMicros
      : (options.anchor === 'now' ? Date.now() : options.anchor.getTime()) * 1000;
  const assistants = dataset.graphs.map((graphId): Assistant => ({
    graphId,
    assistantId: uuid5(AGENT_SERVER_GRAPH_NAMESPACE, graphId),
  }));
  const plans: ThreadPlan[] = [];
  const assistantsFor = (random: Random): Assistant[] => {
    const first = random.int(0, assistants.length - 1);
    return [...assistants.slice(first), ...assistants.slice(0, first)];
  };

  for (const scenario of dataset.scenarios) {
    const salt = hash32(seed, hashString(scenario.name));
    const random = createRandom(salt);
    plans.push({
      ordinal: plans.length,
      threadId: scenario.threadId,
      scenario: scenario.name,
      salt,
      runCount: sum(scenario.statusCounts),
      statusCounts: scenario.statusCounts,
      spacingMicros: Math.round(scenario.spacingSeconds * MICROS_PER_SECOND),
      lastCreatedMicros: anchorMicros - Math.round(scenario.lastRunAgeSeconds * MICROS_PER_SECOND),
      assistants: assistantsFor(random),
    });
  }

  checkTimeline(anchorMicros, dataset, plans);

  const lazy = randomThreads({
    seed,
    count: options.threads ?? DEFAULT_RANDOM_THREADS,
    dataset,
    anchorMicros,
    ordinalBase: plans.length,
    assistantsFor,
  });
  return new RunStore(
    new ThreadCatalog(plans, lazy),
    { faker: createSeededFaker(), anchorMicros, multitaskStrategyWeights: dataset.multitaskStrategyWeights },
    options.clock === undefined ? {} : { clock: options.clock },
  );
}

/** What random threads are drawn from. */
interface RandomThreadsOptions {
  readonly seed: number;
  readonly count: number;
  readonly dataset: DatasetDefinition;
  readonly anchorMicros: number;
  /** The ordinal of random thread 0: the scenario threads come first. */
  readonly ordinalBase: number;
  readonly assistantsFor: (random: Random) => Assistant[];
}

/**
 * The random threads, described on demand. Thread `n`'s id is `randomThreadId(seed, n)`; its size and
 * timeline come from one seeded stream (a few draws, so the id checks of writes can bound any thread's
 * timeline cheaply), its status mix from another (a draw per run, paid only when the thread is used).
 */
function randomThreads(options: RandomThreadsOptions): LazyThreads {
  const { seed, count, dataset, anchorMicros } = options;
  const shape = dataset.randomThreads;
  const timeline = (
    n: number,
  ): { salt: number; random: Random; runs: number; spacing: number; last: number } => {
    const salt = hash32(seed, n, SEED_STREAMS.randomThreadTimeline);
    const random = createRandom(salt);
    // Log-uniform sizes: many short threads, a few long ones, as in real deployments.
    const runs = Math.min(
      shape.runs.max,
      Math.floor(Math.exp(random.next() * Math.log(shape.runs.max - shape.runs.min + 1))) -
        1 +
        shape.runs.min,
    );
    const spacing = Math.round(between(shape.spacingSeconds, random) * MICROS_PER_SECOND);
    const last = anchorMicros - Math.round(between(shape.lastRunAgeSeconds, random) * MICROS_PER_SECOND);
    return { salt, random, runs, spacing, last };
  };
  return {
    count,
    ordinalOf: (threadId) => randomThreadOrdinal(seed, threadId, count),
    timelineAt(n) {
      const { runs, spacing, last } = timeline(n);
      return runs === 0 ? undefined : { oldestMicros: last - runs * spacing, newestMicros: last };
    },
    planAt(n) {
      const { salt, random, runs, spacing, last } = timeline(n);
      const statusCounts = randomStatusCounts(
        dataset,
        runs,
        createRandom(hash32(salt, SEED_STREAMS.randomThreadStatuses)),
      );
      return {
        ordinal: options.ordinalBase + n,
        threadId: randomThreadId(seed, n),
        scenario: undefined,
        salt,
        runCount: runs,
        statusCounts,
        spacingMicros: spacing,
        lastCreatedMicros: last,
        assistants: options.assistantsFor(random),
      };
    },
  };
}

function randomStatusCounts(
  dataset: DatasetDefinition,
  runs: number,
  random: Random,
): Record<string, number> {
  const shape = dataset.randomThreads;
  const counts: Record<string, number> = {};
  for (const status of getListRunsContract().runStatuses) counts[status] = 0;
  let finished = runs;
  if (runs > 0 && random.chance(shape.busyShare)) {
    const pending = random.int(0, Math.min(shape.maxPending, runs - 1));
    counts[RUNNING_STATUS] = 1;
    counts[PENDING_STATUS] = pending;
    finished -= 1 + pending;
  }
  for (let i = 0; i < finished; i++) {
    const status = random.weighted(shape.finishedStatusWeights);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

function between(range: { readonly min: number; readonly max: number }, random: Random): number {
  return range.min + random.next() * (range.max - range.min);
}

function sum(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}
