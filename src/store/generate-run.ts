import type { Faker } from '@faker-js/faker';
import { formatTimestamp } from './format-timestamp.js';
import { createRandom, hash32, type Random } from './random.js';
import type { Run } from './run.js';
import type { LazyFaker } from './seeded-faker.js';
import { SEED_STREAMS } from './seed-streams.js';
import { PENDING_STATUS, RUNNING_STATUS } from './run-lifecycle.js';
import type { ThreadPlan } from './thread-plan.js';
import { uuid7 } from './uuid.js';

/** What every run of a dataset shares. */
export interface RunGenerationContext {
  /** The dataset's seeded Faker, loaded when the first run is generated. */
  readonly faker: LazyFaker;
  /** No timestamp is later than this instant (microseconds since the epoch). */
  readonly anchorMicros: number;
  readonly multitaskStrategyWeights: Readonly<Record<string, number>>;
}

// Upper bound on how long a generated run took, so the timeline looks like real agent runs.
const MAX_RUN_MICROS = 180_000_000;
const MAX_START_DELAY_MICROS = 2_000_000;

/** `created_at` of run `index` of a thread, in microseconds; strictly increasing with `index`. */
export function createdAtMicros(plan: ThreadPlan, index: number): number {
  const jitter = Math.floor(
    createRandom(hash32(plan.salt, index, SEED_STREAMS.runCreatedJitter)).next() * (plan.spacingMicros / 2),
  );
  return plan.lastCreatedMicros - (plan.runCount - 1 - index) * plan.spacingMicros - jitter;
}

/**
 * Builds run `index` (chronological, 0 = oldest) of a thread as the Agent Server would have stored it.
 * A pure function of (plan, index, status, context): any run can be rebuilt alone, in any process.
 */
export function generateRun(
  plan: ThreadPlan,
  index: number,
  status: string,
  context: RunGenerationContext,
): Run {
  const random = createRandom(hash32(plan.salt, index, SEED_STREAMS.generatedRun));
  const createdMicros = createdAtMicros(plan, index);
  const updatedMicros = Math.min(
    createdMicros + runDurationMicros(plan, status, random),
    Math.max(createdMicros, context.anchorMicros),
  );
  return buildRun(plan, random, createdMicros, updatedMicros, status, context);
}

/**
 * A new pending run for a thread, created at `createdMicros`: what the control API completes a partial
 * run from. `sequence` numbers the thread's drafts, so drafts too are reproducible.
 */
export function draftRun(
  plan: ThreadPlan,
  sequence: number,
  createdMicros: number,
  context: RunGenerationContext,
): Run {
  const random = createRandom(hash32(plan.salt, sequence, SEED_STREAMS.draftedRun));
  return buildRun(plan, random, createdMicros, createdMicros, PENDING_STATUS, context);
}

function buildRun(
  plan: ThreadPlan,
  random: Random,
  createdMicros: number,
  updatedMicros: number,
  status: string,
  context: RunGenerationContext,
): Run {
  const assistant = random.chance(0.92) ? plan.assistants[0] : random.pick(plan.assistants);
  if (assistant === undefined) throw new Error(`thread ${plan.threadId} has no assistant`);
  const runId = uuid7(createdMicros, random);

  const metadata: Record<string, unknown> = {
    created_by: 'system',
    graph_id: assistant.graphId,
    assistant_id: assistant.assistantId,
  };
  const faker = context.faker();
  faker.seed(random.uint32());
  if (random.chance(0.3)) metadata['user_id'] = faker.internet.username().toLowerCase();
  if (random.chance(0.2)) metadata['source'] = random.pick(['web', 'slack', 'api', 'studio']);

  const resumes = random.chance(0.06);
  return {
    run_id: runId,
    thread_id: plan.threadId,
    assistant_id: assistant.assistantId,
    created_at: formatTimestamp(createdMicros),
    updated_at: formatTimestamp(updatedMicros),
    status,
    metadata,
    kwargs: {
      input: resumes ? null : { messages: [{ role: 'user', content: userMessage(faker, random) }] },
      command: resumes ? { resume: random.pick(['approve', 'yes', 'continue']) } : null,
      config: {
        configurable: {
          run_id: runId,
          thread_id: plan.threadId,
          graph_id: assistant.graphId,
          assistant_id: assistant.assistantId,
        },
        metadata,
      },
      context: null,
      stream_mode: ['values'],
      interrupt_before: null,
      interrupt_after: null,
      webhook: null,
      feedback_keys: null,
      temporary: false,
      subgraphs: false,
      resumable: false,
      checkpoint_during: null,
      durability: 'async',
    },
    multitask_strategy: random.weighted(context.multitaskStrategyWeights),
  };
}

function runDurationMicros(plan: ThreadPlan, status: string, random: Random): number {
  // Durations stay under half the spacing, so a run ends before the next one is created.
  if (status === PENDING_STATUS) return 0;
  if (status === RUNNING_STATUS)
    return Math.floor(random.next() * Math.min(plan.spacingMicros / 4, MAX_START_DELAY_MICROS));
  const longest = Math.min(plan.spacingMicros / 2, MAX_RUN_MICROS);
  return Math.floor((0.05 + 0.95 * random.next()) * longest);
}

function userMessage(faker: Faker, random: Random): string {
  switch (random.int(0, 4)) {
    case 0:
      return faker.hacker.phrase();
    case 1:
      return `Can you ${faker.hacker.verb()} the ${faker.hacker.adjective()} ${faker.hacker.noun()}?`;
    case 2:
      return `Summarize the latest notes from ${faker.company.name()}.`;
    case 3:
      return `What is the status of order #${faker.string.numeric(6)}?`;
    default:
      return `Draft a reply to ${faker.person.firstName()} about the ${faker.commerce.productName()}.`;
  }
}
