import fc from 'fast-check';
import { isUuid } from '../../src/openapi/uuid-format.js';
import { anyCase, RUN_ID_POOL, THREAD_ID_POOL } from './hostile-values.js';
import type { StateModel } from './state-model.js';

/**
 * Which thread a command names, drawn before the sequence runs and resolved against the model when it
 * runs, so a replay names the same threads: one the model has, one seen before (maybe deleted), one from
 * a fixed pool, or a text that is no UUID.
 */
export type ThreadRef =
  | { readonly kind: 'live' | 'seen'; readonly index: number; readonly style: number }
  | { readonly kind: 'pool'; readonly id: string; readonly style: number }
  | { readonly kind: 'bad'; readonly text: string };

/** Which run a command names, resolved the same way. */
export type RunRef =
  | { readonly kind: 'in-thread' | 'seen'; readonly index: number; readonly style: number }
  | { readonly kind: 'pool'; readonly id: string; readonly style: number }
  | { readonly kind: 'bad'; readonly text: string };

/** A resolved id: as sent in the path (encoded), and in lower case when it is a UUID. */
export interface ResolvedId {
  readonly sent: string;
  readonly pathSegment: string;
  /** Lower case, for a canonical UUID; undefined for anything else. */
  readonly id: string | undefined;
}

const BAD_IDS = [
  'not-a-uuid',
  '5d1c2b7e0f3a4c6d9e8f1a2b3c4d5e6f',
  ' 7e57da7a-0000-4000-8000-000000000001',
  'ä',
  '..',
];

/** Mostly a thread the model has; sometimes a deleted or unknown one, or junk. */
export function threadRefArbitrary(): fc.Arbitrary<ThreadRef> {
  return refArbitrary({ near: 'live', weight: 12, maxIndex: 20, pool: THREAD_ID_POOL });
}

/** Mostly a run of the thread; sometimes one of another thread, a pool id, or junk. */
export function runRefArbitrary(): fc.Arbitrary<RunRef> {
  return refArbitrary({ near: 'in-thread', weight: 10, maxIndex: 30, pool: RUN_ID_POOL });
}

/** A `near` ref with weight `weight`, against 2 for one seen before, 1 for an id from `pool` and 1 for junk. */
function refArbitrary<Near extends 'live' | 'in-thread'>(options: {
  readonly near: Near;
  readonly weight: number;
  readonly maxIndex: number;
  readonly pool: readonly string[];
}): fc.Arbitrary<
  | { readonly kind: Near | 'seen'; readonly index: number; readonly style: number }
  | { readonly kind: 'pool'; readonly id: string; readonly style: number }
  | { readonly kind: 'bad'; readonly text: string }
> {
  const indexed = (kind: Near | 'seen') =>
    fc.record({ kind: fc.constant(kind), index: fc.nat(options.maxIndex), style: fc.nat(2) });
  return fc.oneof(
    { weight: options.weight, arbitrary: indexed(options.near) },
    { weight: 2, arbitrary: indexed('seen') },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('pool' as const),
        id: fc.constantFrom(...options.pool),
        style: fc.nat(2),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('bad' as const), text: fc.constantFrom(...BAD_IDS) }),
    },
  );
}

function resolved(sent: string): ResolvedId {
  return {
    sent,
    pathSegment: encodeURIComponent(sent),
    id: isUuid(sent) ? sent.toLowerCase() : undefined,
  };
}

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** The thread a ref names in the model's current state. */
export function resolveThread(model: StateModel, ref: ThreadRef): ResolvedId {
  switch (ref.kind) {
    case 'live':
    case 'seen': {
      const ids = ref.kind === 'live' ? [...model.threads.keys()] : model.seenThreadIds;
      return resolved(anyCase(pick(ids, ref.index) ?? THREAD_ID_POOL[0], ref.style));
    }
    case 'pool':
      return resolved(anyCase(ref.id, ref.style));
    case 'bad':
      return resolved(ref.text);
  }
}

/** The run a ref names, in the thread `threadId` (lower case) of the model's current state. */
export function resolveRun(model: StateModel, threadId: string | undefined, ref: RunRef): ResolvedId {
  switch (ref.kind) {
    case 'in-thread':
    case 'seen': {
      const inThread = threadId === undefined ? [] : [...(model.threads.get(threadId)?.runs.keys() ?? [])];
      const ids = ref.kind === 'in-thread' && inThread.length > 0 ? inThread : model.seenRunIds;
      return resolved(anyCase(pick(ids, ref.index) ?? RUN_ID_POOL[0], ref.style));
    }
    case 'pool':
      return resolved(anyCase(ref.id, ref.style));
    case 'bad':
      return resolved(ref.text);
  }
}

/** A run a command names, resolved in the thread it names, and the control API path of that run. */
export interface ResolvedRunPath {
  readonly thread: ResolvedId;
  readonly run: ResolvedId;
  /** `/__mock/threads/{thread}/runs/{run}`, each segment encoded. */
  readonly path: string;
}

/** Resolves a command's thread and run refs together, as every command on one run does. */
export function resolveRunPath(model: StateModel, threadRef: ThreadRef, runRef: RunRef): ResolvedRunPath {
  const thread = resolveThread(model, threadRef);
  const run = resolveRun(model, thread.id, runRef);
  return { thread, run, path: `/__mock/threads/${thread.pathSegment}/runs/${run.pathSegment}` };
}

/** A ref as a short text for the printed counterexample. */
export function describeRef(ref: ThreadRef | RunRef): string {
  return ref.kind === 'bad'
    ? `bad(${JSON.stringify(ref.text)})`
    : ref.kind === 'pool'
      ? `pool(${ref.id.slice(-4)},${ref.style})`
      : `${ref.kind}(${ref.index},${ref.style})`;
}
