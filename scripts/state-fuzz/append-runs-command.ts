import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { expectAppend, type ExpectedGiven } from './expected-append.js';
import { expectedTimestamp } from './expected-timestamp.js';
import { anyCase, objectOf, PathThreadId, toRequestBody } from './hostile-values.js';
import { DivergenceError, expectSameJson, expectStatus, send, type StateReal } from './state-client.js';
import { AlwaysApplicableCommand, isLowerCaseUuid } from './state-command.js';
import type { StateModel, WireRun } from './state-model.js';
import { describeRef, resolveThread, type ThreadRef } from './state-refs.js';
import { verifyState } from './verify-state.js';

/** The body of an append: one run, a batch, a batch over the limit, or text that is not JSON. */
export type AppendBody =
  | { readonly kind: 'one'; readonly run: unknown }
  | { readonly kind: 'batch'; readonly runs: readonly unknown[] }
  | { readonly kind: 'too-many'; readonly count: number }
  | { readonly kind: 'junk'; readonly text: string };

/** `POST /__mock/threads/{id}/runs`. */
export class AppendRunsCommand extends AlwaysApplicableCommand {
  constructor(
    readonly ref: ThreadRef,
    readonly body: AppendBody,
  ) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
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
      if (answer.status === 409) expectOnlyStoredRuns(model, parsed, String(detail), context);
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
  override toString(): string {
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

/**
 * A 409 names only runs that are stored, or positions in the batch: a run id from the refused batch
 * (given, or drawn by the server) would send the reader after a run that 404s. Other ids the request
 * carried (a foreign `thread_id`, an `assistant_id`) may be quoted back.
 */
function expectOnlyStoredRuns(model: StateModel, body: unknown, detail: string, context: string): void {
  const batchRunIds = new Set<string>();
  const quotable = new Set<string>();
  for (const partial of (Array.isArray(body) ? body : [body]) as unknown[]) {
    if (typeof partial !== 'object' || partial === null) continue;
    for (const [key, value] of Object.entries(partial)) {
      if (typeof value !== 'string') continue;
      (key === 'run_id' ? batchRunIds : quotable).add(value.toLowerCase());
    }
  }
  for (const [id] of detail.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    const lower = id.toLowerCase();
    const stored = model.threads.has(lower) || model.ownerOf(lower) !== undefined;
    if (!stored && (batchRunIds.has(lower) || !quotable.has(lower))) {
      throw new DivergenceError(`${context}\n  the 409 names ${id}, a run that is not stored: ${detail}`);
    }
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
    if (!isLowerCaseUuid(runId)) fail(i, `run_id ${runId} is not a lower-case UUID`);
    if (model.ownerOf(runId) !== undefined || newIds.has(runId)) fail(i, `run_id ${runId} is already taken`);
    newIds.add(runId);
    if (run['thread_id'] !== threadId) fail(i, `thread_id ${String(run['thread_id'])}, expected ${threadId}`);
    if (!isLowerCaseUuid(String(run['assistant_id']))) fail(i, `assistant_id is not a lower-case UUID`);
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
