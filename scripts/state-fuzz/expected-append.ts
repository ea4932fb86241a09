import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { isUuid } from '../../src/openapi/uuid-format.js';
import { expectedTimestamp } from './expected-timestamp.js';
import type { StateModel } from './state-model.js';

/** The control API's body cap (1 MB); a larger body gets 413 before it is parsed. */
export const BODY_CAP_BYTES = 1024 * 1024;
/** The most runs one append may carry. */
export const MAX_BATCH_RUNS = 10_000;
/** The deepest nesting `metadata` and `kwargs` may have, counting themselves as level 1. */
export const MAX_JSON_DEPTH = 64;

/** The fields of one run the caller gave, as the server must store them (normalised). */
export interface ExpectedGiven {
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * What an append must do: fail with one of `statuses` and change nothing, or succeed (201) and store
 * runs whose given fields are `runs[i].fields`. Where a request has several problems, any of their
 * statuses is right: which one the server reports first is its choice, not a rule of the model.
 */
export type ExpectedAppend =
  | {
      readonly ok: false;
      readonly statuses: ReadonlySet<number>;
      readonly why: readonly string[];
      /** With a single problem in one field, the 422's detail must name that field (`runs[0].metadata`). */
      readonly names?: string | undefined;
    }
  | { readonly ok: true; readonly runs: readonly ExpectedGiven[] };

/** The depth of a JSON value: 0 for a scalar, 1 + the deepest child for an object or array. */
export function jsonDepth(value: unknown): number {
  // Iterative: a hostile value may be thousands of levels deep.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) {
      deepest = Math.max(deepest, depth);
      continue;
    }
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Judges `POST /__mock/threads/{pathThread}/runs` with `body` (already JSON-parsed as the server would)
 * of `bodyBytes` bytes, against the model's state.
 */
export function expectAppend(
  model: StateModel,
  pathThread: string,
  body: unknown,
  bodyBytes: number,
): ExpectedAppend {
  if (bodyBytes > BODY_CAP_BYTES) return fail([413], `body of ${bodyBytes} bytes is over the cap`);
  const partials = Array.isArray(body) ? body : [body];
  if (partials.length > MAX_BATCH_RUNS) return fail([413, 422], `${partials.length} runs in one batch`);
  const statuses = new Set<number>();
  const why: string[] = [];
  const names: (string | undefined)[] = [];
  const problem = (status: number | readonly number[], reason: string, field?: string): void => {
    for (const s of typeof status === 'number' ? [status] : status) statuses.add(s);
    why.push(reason);
    names.push(field);
  };
  const threadId = pathThread.toLowerCase();
  if (!isUuid(pathThread)) problem([404, 422], `thread id '${pathThread}' is not a UUID`);
  else if (!model.threads.has(threadId)) problem(404, `no thread ${threadId}`);
  if (partials.length === 0 && statuses.size === 0) {
    // An empty batch stores nothing; refusing it is as right as accepting it.
    return { ok: false, statuses: new Set([201, 422]), why: ['an empty batch'] };
  }

  const runs: ExpectedGiven[] = [];
  const ids = new Map<string, number>();
  let running = [...(model.threads.get(threadId)?.runs.values() ?? [])].filter(
    (run) => run['status'] === 'running',
  ).length;
  partials.forEach((partial, i) => {
    const given = expectRun(partial, { threadId, now: model.clockFloor() }, `runs[${i}]`, problem);
    if (given === undefined) return;
    runs.push(given);
    const runId = given.fields['run_id'];
    if (typeof runId === 'string') {
      if (ids.has(runId)) problem([409, 422], `runs[${i}].run_id repeats runs[${ids.get(runId)}]`);
      ids.set(runId, i);
      const owner = model.ownerOf(runId);
      if (owner !== undefined)
        problem(409, `runs[${i}].run_id ${runId} is taken in thread ${owner.threadId}`);
    }
    if (given.fields['status'] === 'running' && ++running > 1) {
      problem(409, `runs[${i}] would be a second running run`);
    }
  });
  return statuses.size > 0
    ? { ok: false, statuses, why, names: why.length === 1 ? names[0] : undefined }
    : { ok: true, runs };
}

function fail(statuses: readonly number[], reason: string): ExpectedAppend {
  return { ok: false, statuses: new Set(statuses), why: [reason] };
}

/** One partial run: its normalised fields, or undefined after reporting why it must be refused. */
function expectRun(
  partial: unknown,
  { threadId, now }: { readonly threadId: string; readonly now: string },
  at: string,
  problem: (status: number | readonly number[], reason: string, field?: string) => void,
): ExpectedGiven | undefined {
  const contract = getListRunsContract();
  if (!isPlainObject(partial)) {
    problem(422, `${at} is not an object`);
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  const verdict = { valid: true };
  for (const [key, value] of Object.entries(partial)) {
    const refuse = (status: number | readonly number[], reason: string): void => {
      verdict.valid = false;
      problem(status, `${at}.${reason}`, `${at}.${key}`);
    };
    switch (key) {
      case 'run_id':
      case 'assistant_id':
      case 'thread_id':
        if (typeof value !== 'string' || !isUuid(value)) refuse(422, `${key} is not a UUID`);
        else fields[key] = value.toLowerCase();
        break;
      case 'created_at':
      case 'updated_at': {
        const normalised = expectedTimestamp(value);
        if (normalised === undefined) refuse(422, `${key} ${JSON.stringify(value)} is not a valid timestamp`);
        else fields[key] = normalised;
        break;
      }
      case 'status':
        if (!contract.runStatuses.includes(value as string)) refuse(422, `status ${JSON.stringify(value)}`);
        else fields[key] = value;
        break;
      case 'multitask_strategy':
        if (!contract.multitaskStrategies.includes(value as string))
          refuse(422, `${key} ${JSON.stringify(value)}`);
        else fields[key] = value;
        break;
      case 'metadata':
      case 'kwargs':
        if (!isPlainObject(value)) refuse(422, `${key} is not an object`);
        else if (jsonDepth(value) > MAX_JSON_DEPTH) refuse(422, `${key} nests ${jsonDepth(value)} levels`);
        else fields[key] = value;
        break;
      default:
        refuse(422, `${JSON.stringify(key)} is not a Run field`);
    }
  }
  const refuse = (status: number | readonly number[], reason: string): void => {
    verdict.valid = false;
    problem(status, `${at}.${reason}`);
  };
  if (fields['thread_id'] !== undefined && fields['thread_id'] !== threadId) {
    refuse([409, 422], `thread_id ${JSON.stringify(fields['thread_id'])} is not the path's thread`);
  }
  const createdAt = fields['created_at'];
  const updatedAt = fields['updated_at'];
  if (typeof updatedAt === 'string') {
    // Without a given created_at, it is the server's "now": no earlier than the model's floor, and the
    // timestamps drawn are days away from it.
    const created = typeof createdAt === 'string' ? createdAt : now;
    if (updatedAt < created) refuse(422, `updated_at ${updatedAt} is before created_at ${created}`);
  }
  return verdict.valid ? { fields } : undefined;
}
