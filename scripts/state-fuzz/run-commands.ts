import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { expectedTimestamp } from './expected-timestamp.js';
import { DivergenceError, expectSameJson, expectStatus, send, type StateReal } from './state-client.js';
import { AlwaysApplicableCommand } from './state-command.js';
import type { StateModel, WireRun } from './state-model.js';
import { describeRef, resolveRunPath, type RunRef, type ThreadRef } from './state-refs.js';
import { verifyState } from './verify-state.js';

/** The body of a PATCH, as text: most set a status, some are wrong in shape. */
export type PatchBody =
  { readonly kind: 'status'; readonly status: string } | { readonly kind: 'junk'; readonly text: string };

/** `PATCH /__mock/threads/{id}/runs/{run_id}`. */
export class PatchRunCommand extends AlwaysApplicableCommand {
  constructor(
    readonly threadRef: ThreadRef,
    readonly runRef: RunRef,
    readonly body: PatchBody,
  ) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const { thread, run: runRef, path } = resolveRunPath(model, this.threadRef, this.runRef);
    const text = this.body.kind === 'status' ? JSON.stringify({ status: this.body.status }) : this.body.text;
    const answer = await send(real, 'PATCH', path, text);
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
        const before = String(old['updated_at']);
        // Past 2^53 µs (mid-2255) a microsecond step is not exact in a double, and 9999-12-31T23:59:59.999999
        // has no later instant: there the server keeps updated_at as it was (its documented choice).
        const mayStay = before >= EXACT_MICROS_END;
        if (
          expectedTimestamp(updatedAt) !== updatedAt ||
          updatedAt < before ||
          (updatedAt === before && !mayStay)
        ) {
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
  override toString(): string {
    const shown = this.body.kind === 'status' ? this.body.status : JSON.stringify(this.body.text);
    return `patchRun(${describeRef(this.threadRef)}, ${describeRef(this.runRef)}, ${shown})`;
  }
}

/** The first instant whose microsecond count since 1970 is not exact in a double (2^53 µs), less a day. */
const EXACT_MICROS_END = '2255-06-04T00:00:00.000000+00:00';

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
export class DeleteRunCommand extends AlwaysApplicableCommand {
  constructor(
    readonly threadRef: ThreadRef,
    readonly runRef: RunRef,
  ) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const { thread, run: runRef, path } = resolveRunPath(model, this.threadRef, this.runRef);
    const answer = await send(real, 'DELETE', path);
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
  override toString(): string {
    return `deleteRun(${describeRef(this.threadRef)}, ${describeRef(this.runRef)})`;
  }
}
