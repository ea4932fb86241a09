import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { checkTimeline } from './check-timeline.js';
import { loadDatasetDefinition, type DatasetDefinition } from './dataset-definition.js';
import { createRandom, hash32, hashString, type Random } from './random.js';
import { PENDING_STATUS, RUNNING_STATUS } from './run-lifecycle.js';
import { RunStore, type Clock } from './run-store.js';
import { createSeededFaker } from './seeded-faker.js';
import type { Assistant, ThreadPlan } from './thread-plan.js';
import { AGENT_SERVER_GRAPH_NAMESPACE, uuid4, uuid5 } from './uuid.js';

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
 * threads. Only plans are built here (O(threads)); runs are generated when a page asks for them.
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

  const shape = dataset.randomThreads;
  const count = options.threads ?? DEFAULT_RANDOM_THREADS;
  for (let n = 0; n < count; n++) {
    const salt = hash32(seed, n, 0x7ead);
    const random = createRandom(salt);
    const statusCounts = randomStatusCounts(dataset, random);
    plans.push({
      ordinal: plans.length,
      threadId: uuid4(random),
      scenario: undefined,
      salt,
      runCount: sum(statusCounts),
      statusCounts,
      spacingMicros: Math.round(between(shape.spacingSeconds, random) * MICROS_PER_SECOND),
      lastCreatedMicros:
        anchorMicros - Math.round(between(shape.lastRunAgeSeconds, random) * MICROS_PER_SECOND),
      assistants: assistantsFor(random),
    });
  }

  return new RunStore(
    plans,
    { faker: createSeededFaker(), anchorMicros, multitaskStrategyWeights: dataset.multitaskStrategyWeights },
    options.clock === undefined ? {} : { clock: options.clock },
  );
}

function randomStatusCounts(dataset: DatasetDefinition, random: Random): Record<string, number> {
  const shape = dataset.randomThreads;
  // Log-uniform sizes: many short threads, a few long ones, as in real deployments.
  const runs = Math.min(
    shape.runs.max,
    Math.floor(Math.exp(random.next() * Math.log(shape.runs.max - shape.runs.min + 1))) - 1 + shape.runs.min,
  );
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
