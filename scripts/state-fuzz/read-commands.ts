import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { expectSameJson, expectStatus, send, type StateReal } from './state-client.js';
import type { StateModel } from './state-model.js';
import { describeRef, resolveRunPath, resolveThread, type RunRef, type ThreadRef } from './state-refs.js';
import { AlwaysApplicableCommand } from './state-command.js';

/** One query parameter as sent, in the order drawn. */
export type QueryParam = readonly [key: string, value: string];

/**
 * The model's reading of a List Runs query: the page it asks for, or 'invalid' when the server must
 * answer 422 (a value out of its domain, or `limit`, `offset` or `status` given twice).
 */
function readQuery(
  params: readonly QueryParam[],
): { limit: number; offset: number; status: string | undefined; select: string[] | undefined } | 'invalid' {
  const contract = getListRunsContract();
  const seen = new Set<string>();
  let limit = contract.defaultLimit;
  let offset = contract.defaultOffset;
  let status: string | undefined;
  let select: string[] | undefined;
  for (const [key, value] of params) {
    if (key !== 'select' && seen.has(key)) return 'invalid';
    seen.add(key);
    if (key === 'limit' || key === 'offset') {
      if (!/^\d+$/.test(value)) return 'invalid';
      if (key === 'limit') limit = Number(value);
      else offset = Number(value);
    } else if (key === 'status') {
      if (!contract.statusFilterValues.includes(value)) return 'invalid';
      status = value;
    } else if (key === 'select') {
      if (!contract.selectableFields.includes(value)) return 'invalid';
      select = [...(select ?? []), value];
    }
  }
  return { limit, offset, status, select };
}

/** `GET /threads/{id}/runs?…`: the contract's endpoint, checked page by page against the model. */
export class ListRunsCommand extends AlwaysApplicableCommand {
  constructor(
    readonly ref: ThreadRef,
    readonly params: readonly QueryParam[],
  ) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const thread = resolveThread(model, this.ref);
    const query = this.params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
    const path = `/threads/${thread.pathSegment}/runs${query === '' ? '' : `?${query}`}`;
    const answer = await send(real, 'GET', path);
    const context = `GET ${path}`;
    const page = readQuery(this.params);
    if (thread.id === undefined || page === 'invalid') expectStatus(answer, [422], context);
    else if (!model.threads.has(thread.id)) expectStatus(answer, [404], context);
    else {
      expectStatus(answer, [200], context);
      expectSameJson(answer.json, model.listRuns(thread.id, page), context);
    }
  }
  override toString(): string {
    return `listRuns(${describeRef(this.ref)}, ${this.params.map(([k, v]) => `${k}=${v}`).join('&')})`;
  }
}

/** `GET /__mock/threads/{id}/runs/{run_id}`. */
export class GetRunCommand extends AlwaysApplicableCommand {
  constructor(
    readonly threadRef: ThreadRef,
    readonly runRef: RunRef,
  ) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const { thread, run: runRef, path } = resolveRunPath(model, this.threadRef, this.runRef);
    const answer = await send(real, 'GET', path);
    const context = `${this.toString()} on ${thread.sent} / ${runRef.sent}`;
    const run =
      runRef.id === undefined || thread.id === undefined
        ? undefined
        : model.threads.get(thread.id)?.runs.get(runRef.id);
    if (thread.id === undefined || runRef.id === undefined) expectStatus(answer, [404, 422], context);
    else if (run === undefined) expectStatus(answer, [404], context);
    else {
      expectStatus(answer, [200], context);
      expectSameJson(answer.json, run, context);
    }
  }
  override toString(): string {
    return `getRun(${describeRef(this.threadRef)}, ${describeRef(this.runRef)})`;
  }
}

/** `GET /__mock/threads/{id}`. */
export class GetThreadCommand extends AlwaysApplicableCommand {
  constructor(readonly ref: ThreadRef) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const thread = resolveThread(model, this.ref);
    const answer = await send(real, 'GET', `/__mock/threads/${thread.pathSegment}`);
    const context = `${this.toString()} on ${thread.sent}`;
    const summary = model.summaries().find((s) => s.thread_id === thread.id);
    if (thread.id === undefined) expectStatus(answer, [404, 422], context);
    else if (summary === undefined) expectStatus(answer, [404], context);
    else {
      expectStatus(answer, [200], context);
      expectSameJson(answer.json, summary, context);
    }
  }
  override toString(): string {
    return `getThread(${describeRef(this.ref)})`;
  }
}
