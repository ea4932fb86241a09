import type fc from 'fast-check';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { expectAppend, type ExpectedGiven } from './expected-append.js';
import { expectedTimestamp } from './expected-timestamp.js';
import { anyCase, objectOf, PathThreadId, toRequestBody } from './hostile-values.js';
import {
  countCommand,
  DivergenceError,
  expectSameJson,
  expectStatus,
  send,
  type StateReal,
} from './state-client.js';
import type { StateModel, WireRun } from './state-model.js';
import { describeRef, resolveRun, resolveThread, type RunRef, type ThreadRef } from './state-refs.js';
import { verifyState } from './verify-state.js';

/** A command of the state fuzz. */
export type StateCommand = fc.AsyncCommand<StateModel, StateReal>;

const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How a thread is created: with a new id drawn by the server, a given id, or a body that is wrong. */
export type CreateThreadBody =
  | { readonly kind: 'none' | 'empty' }
  | { readonly kind: 'id'; readonly ref: ThreadRef }
  | { readonly kind: 'junk'; readonly text: string };

/** `POST /__mock/threads`. */
export class CreateThreadCommand implements StateCommand {
  constructor(readonly body: CreateThreadBody) {}
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const { body } = this;
    const resolvedId = body.kind === 'id' ? resolveThread(model, body.ref) : undefined;
    const text =
      body.kind === 'none'
        ? undefined
        : body.kind === 'empty'
          ? '{}'
          : body.kind === 'junk'
            ? body.text
            : JSON.stringify({ thread_id: resolvedId?.sent });
    const answer = await send(real, 'POST', '/__mock/threads', text);
    const context = `${this.toString()} (body ${text ?? 'none'})`;
    if (body.kind === 'junk') expectStatus(answer, [400, 422], context);
    else if (resolvedId !== undefined && resolvedId.id === undefined) expectStatus(answer, [422], context);
    else if (resolvedId?.id !== undefined && model.threads.has(resolvedId.id))
      expectStatus(answer, [409], context);
    else {
      expectStatus(answer, [201], context);
      const created = (answer.json as { thread_id?: unknown }).thread_id;
      if (typeof created !== 'string' || !UUID_LOWER.test(created)) {
        throw new DivergenceError(`${context}: thread_id ${String(created)} is not a lower-case UUID`);
      }
      if (resolvedId?.id !== undefined && created !== resolvedId.id) {
        throw new DivergenceError(`${context}: created ${created}, asked for ${resolvedId.id}`);
      }
      if (model.threads.has(created)) throw new DivergenceError(`${context}: ${created} already existed`);
      model.addThread(created);
      expectSameJson(
        answer.json,
        model.summaries().find((s) => s.thread_id === created),
        context,
      );
    }
    await verifyState(model, real, undefined);
  }
  toString(): string {
    const { body } = this;
    return `createThread(${body.kind === 'id' ? describeRef(body.ref) : body.kind === 'junk' ? JSON.stringify(body.text) : body.kind})`;
  }
}

/** `DELETE /__mock/threads/{id}`. */
export class DeleteThreadCommand implements StateCommand {
  constructor(readonly ref: ThreadRef) {}
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const thread = resolveThread(model, this.ref);
    const answer = await send(real, 'DELETE', `/__mock/threads/${thread.pathSegment}`);
    const context = `${this.toString()} on ${thread.sent}`;
    if (thread.id === undefined) expectStatus(answer, [404, 422], context);
    else if (!model.threads.has(thread.id)) expectStatus(answer, [404], context);
    else {
      expectStatus(answer, [204], context);
      model.threads.delete(thread.id);
    }
    await verifyState(model, real, undefined);
  }
  toString(): string {
    return `deleteThread(${describeRef(this.ref)})`;
  }
}

/** The body of an append: one run, a batch, a batch over the limit, or text that is not JSON. */
export type AppendBody =
  | { readonly kind: 'one'; readonly run: unknown }
  | { readonly kind: 'batch'; readonly runs: readonly unknown[] }
  | { readonly kind: 'too-many'; readonly count: number }
  | { readonly kind: 'junk'; readonly text: string };

/** `POST /__mock/threads/{id}/runs`. */
export class AppendRunsCommand implements StateCommand {
  constructor(
    readonly ref: ThreadRef,
    readonly body: AppendBody,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const thread = resolveThread(model, this.ref);
    const path = `/__mock/threads/${thread.pathSegment}/runs`;
    const { body } = this;
    const value =
      body.kind === 'one'
        ? fillPathThread(body.run, thread.sent)
        : body.kind === 'batch'
          ? body.runs.map((run) => fillPathThread(run, thread.sent))
          : body.kind === 'too-many'
            ? Array.from({ length: body.count }, () => ({}))
            : undefined;
    const text = body.kind === 'junk' ? body.text : toRequestBody(value);
    const bytes = Buffer.byteLength(text);
    // The model judges the body as the server reads it: parsed JSON, `__proto__` keys as own keys.
    const parsed: unknown = body.kind === 'junk' ? undefined : JSON.parse(text);
    const expected =
      body.kind === 'junk'
        ? { ok: false as const, statuses: new Set([400]), why: ['the body is not JSON'] }
        : expectAppend(model, thread.sent, parsed, bytes);
    const context = `${this.toString()} on ${thread.sent}, ${bytes} bytes: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
    let answer;
    try {
      answer = await send(real, 'POST', path, text);
    } catch (error) {
      // An oversized body may be answered 413 and the connection closed before it is all sent.
      if (!(error instanceof DivergenceError) && !expected.ok && expected.statuses.has(413)) {
        real.byStatus['reset'] = (real.byStatus['reset'] ?? 0) + 1;
        await verifyState(model, real, thread.id);
        return;
      }
      throw error;
    }
    if (!expected.ok) {
      expectStatus(
        answer,
        expected.statuses,
        `${context}\n  expected because: ${expected.why.slice(0, 4).join('; ')}`,
      );
      if (answer.status === 201) expectSameJson(answer.json, [], context);
      const detail = (answer.json as { detail?: unknown } | undefined)?.detail;
      if (answer.status === 422 && expected.names !== undefined && !String(detail).includes(expected.names)) {
        throw new DivergenceError(`${context}\n  the 422 does not name ${expected.names}: ${String(detail)}`);
      }
    } else {
      expectStatus(answer, [201], context);
      const stored = checkStoredRuns(
        model,
        thread.id ?? '',
        expected.runs,
        answer.json,
        Array.isArray(parsed),
        context,
      );
      model.addRuns(thread.id ?? '', stored);
    }
    await verifyState(model, real, thread.id);
  }
  toString(): string {
    const { body } = this;
    const shown =
      body.kind === 'one'
        ? `one ${safeJson(body.run)}`
        : body.kind === 'batch'
          ? `batch of ${body.runs.length} ${safeJson(body.runs)}`
          : body.kind === 'too-many'
            ? `${body.count} empty runs`
            : `junk ${JSON.stringify(body.text)}`;
    return `appendRuns(${describeRef(this.ref)}, ${shown})`;
  }
}

/** A value as JSON, cut short: hostile values can be megabytes long or thousands of levels deep. */
function safeJson(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…(${text.length} chars)` : text;
}

/** A drawn run with `PathThreadId` placeholders replaced by the path's thread id. */
function fillPathThread(run: unknown, pathThread: string): unknown {
  if (typeof run !== 'object' || run === null || Array.isArray(run)) return run;
  return objectOf(
    Object.entries(run).map(([key, value]) => [
      key,
      value instanceof PathThreadId ? anyCase(pathThread.toLowerCase(), value.style) : value,
    ]),
  );
}

/**
 * Checks the runs a 201 returned against what was given: the fields given, normalised; the rest drawn by
 * the server within the rules (new lower-case ids, the path's thread, the clock's `created_at` strictly
 * increasing through the batch and from one request to the next, `updated_at` equal to it, status pending).
 */
function checkStoredRuns(
  model: StateModel,
  threadId: string,
  expected: readonly ExpectedGiven[],
  json: unknown,
  isBatch: boolean,
  context: string,
): WireRun[] {
  const { runFields, multitaskStrategies } = getListRunsContract();
  const runs = (isBatch ? json : [json]) as WireRun[];
  if (!Array.isArray(runs) || runs.length !== expected.length) {
    throw new DivergenceError(
      `${context}: expected ${expected.length} runs back, got ${JSON.stringify(json).slice(0, 200)}`,
    );
  }
  const fail = (i: number, message: string): never => {
    throw new DivergenceError(
      `${context}\n  runs[${i}]: ${message}\n  returned: ${JSON.stringify(runs[i]).slice(0, 400)}`,
    );
  };
  const newIds = new Set<string>();
  let previousGenerated = '';
  runs.forEach((run, i) => {
    const given = expected[i]?.fields ?? {};
    if (Object.keys(run).join() !== runFields.join())
      fail(i, `fields ${Object.keys(run).join()}, expected ${runFields.join()}`);
    for (const [field, value] of Object.entries(given)) {
      if (JSON.stringify(run[field]) !== JSON.stringify(value)) {
        fail(
          i,
          `${field} is ${((JSON.stringify(run[field]) as string | undefined) ?? 'nothing').slice(0, 100)}, expected ${JSON.stringify(value).slice(0, 100)}`,
        );
      }
    }
    const runId = String(run['run_id']);
    if (!UUID_LOWER.test(runId)) fail(i, `run_id ${runId} is not a lower-case UUID`);
    if (model.ownerOf(runId) !== undefined || newIds.has(runId)) fail(i, `run_id ${runId} is already taken`);
    newIds.add(runId);
    if (run['thread_id'] !== threadId) fail(i, `thread_id ${String(run['thread_id'])}, expected ${threadId}`);
    if (!UUID_LOWER.test(String(run['assistant_id']))) fail(i, `assistant_id is not a lower-case UUID`);
    const createdAt = String(run['created_at']);
    if (expectedTimestamp(createdAt) !== createdAt)
      fail(i, `created_at ${createdAt} is not in the server's format`);
    if (given['created_at'] === undefined) {
      if (createdAt <= previousGenerated)
        fail(i, `created_at ${createdAt} is not after the batch's previous ${previousGenerated}`);
      // The clock never goes back nor stamps twice, so a later request's runs list above an earlier one's.
      if (createdAt <= model.latestGeneratedCreatedAt)
        fail(
          i,
          `created_at ${createdAt} is not after an earlier request's ${model.latestGeneratedCreatedAt}`,
        );
      previousGenerated = createdAt;
    }
    const updatedAt = String(run['updated_at']);
    if (given['updated_at'] === undefined && updatedAt !== createdAt)
      fail(i, `updated_at ${updatedAt} is not created_at`);
    if (given['status'] === undefined && run['status'] !== 'pending')
      fail(i, `status ${String(run['status'])}, expected pending`);
    for (const field of ['metadata', 'kwargs']) {
      const value = run[field];
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(i, `${field} is not an object`);
    }
    if (!multitaskStrategies.includes(String(run['multitask_strategy'])))
      fail(i, 'multitask_strategy is not in the enum');
  });
  if (previousGenerated > model.latestGeneratedCreatedAt) model.latestGeneratedCreatedAt = previousGenerated;
  return runs;
}

/** The body of a PATCH, as text: most set a status, some are wrong in shape. */
export type PatchBody =
  { readonly kind: 'status'; readonly status: string } | { readonly kind: 'junk'; readonly text: string };

/** `PATCH /__mock/threads/{id}/runs/{run_id}`. */
export class PatchRunCommand implements StateCommand {
  constructor(
    readonly threadRef: ThreadRef,
    readonly runRef: RunRef,
    readonly body: PatchBody,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const thread = resolveThread(model, this.threadRef);
    const runRef = resolveRun(model, thread.id, this.runRef);
    const text = this.body.kind === 'status' ? JSON.stringify({ status: this.body.status }) : this.body.text;
    const answer = await send(
      real,
      'PATCH',
      `/__mock/threads/${thread.pathSegment}/runs/${runRef.pathSegment}`,
      text,
    );
    const context = `${this.toString()} on ${thread.sent} / ${runRef.sent} with ${text}`;
    const statuses = new Set<number>();
    const status = readStatus(text);
    const modelThread = thread.id === undefined ? undefined : model.threads.get(thread.id);
    const old = runRef.id === undefined ? undefined : modelThread?.runs.get(runRef.id);
    // A body that is not JSON is refused before the route is looked at.
    if (status === 'malformed') statuses.add(400);
    else {
      if (status === undefined) statuses.add(422);
      if (thread.id === undefined) statuses.add(404).add(422);
      else if (modelThread === undefined || old === undefined) statuses.add(404);
    }
    if (
      statuses.size > 0 ||
      modelThread === undefined ||
      old === undefined ||
      status === undefined ||
      status === 'malformed'
    ) {
      expectStatus(answer, statuses, context);
    } else {
      const otherRunning = [...modelThread.runs.values()].some(
        (run) => run['status'] === 'running' && run !== old,
      );
      if (status === 'running' && otherRunning) {
        expectStatus(answer, [409], `${context} (the thread has another running run)`);
      } else {
        expectStatus(answer, [200], context);
        const changed = answer.json as WireRun;
        const updatedAt = String(changed['updated_at']);
        if (expectedTimestamp(updatedAt) !== updatedAt || updatedAt <= String(old['updated_at'])) {
          throw new DivergenceError(
            `${context}: updated_at ${updatedAt} does not move forward from ${String(old['updated_at'])}`,
          );
        }
        expectSameJson(changed, { ...old, status, updated_at: updatedAt }, context);
        modelThread.runs.set(String(old['run_id']), changed);
      }
    }
    await verifyState(model, real, thread.id);
  }
  toString(): string {
    const shown = this.body.kind === 'status' ? this.body.status : JSON.stringify(this.body.text);
    return `patchRun(${describeRef(this.threadRef)}, ${describeRef(this.runRef)}, ${shown})`;
  }
}

/** The status a PATCH body sets when it is a valid one (read as the server reads JSON); 'malformed' for non-JSON. */
function readStatus(text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'status'))
    return undefined;
  const status = (body as { status: unknown }).status;
  return typeof status === 'string' && getListRunsContract().runStatuses.includes(status)
    ? status
    : undefined;
}

/** `DELETE /__mock/threads/{id}/runs/{run_id}`. */
export class DeleteRunCommand implements StateCommand {
  constructor(
    readonly threadRef: ThreadRef,
    readonly runRef: RunRef,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const thread = resolveThread(model, this.threadRef);
    const runRef = resolveRun(model, thread.id, this.runRef);
    const answer = await send(
      real,
      'DELETE',
      `/__mock/threads/${thread.pathSegment}/runs/${runRef.pathSegment}`,
    );
    const context = `${this.toString()} on ${thread.sent} / ${runRef.sent}`;
    const modelThread = thread.id === undefined ? undefined : model.threads.get(thread.id);
    if (thread.id === undefined) expectStatus(answer, [404, 422], context);
    else if (modelThread === undefined || runRef.id === undefined || !modelThread.runs.has(runRef.id)) {
      expectStatus(
        answer,
        runRef.id === undefined && modelThread !== undefined ? [404, 422] : [404],
        context,
      );
    } else {
      expectStatus(answer, [204], context);
      modelThread.runs.delete(runRef.id);
    }
    await verifyState(model, real, thread.id);
  }
  toString(): string {
    return `deleteRun(${describeRef(this.threadRef)}, ${describeRef(this.runRef)})`;
  }
}

/** `POST /__mock/reset`. */
export class ResetCommand implements StateCommand {
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    const answer = await send(real, 'POST', '/__mock/reset');
    expectStatus(answer, [200], 'reset');
    model.reset();
    expectSameJson(answer.json, { threads: model.threads.size }, 'reset');
    await verifyState(model, real, undefined);
  }
  toString(): string {
    return 'reset';
  }
}
