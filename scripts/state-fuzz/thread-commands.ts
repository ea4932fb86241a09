import { DivergenceError, expectSameJson, expectStatus, send, type StateReal } from './state-client.js';
import { AlwaysApplicableCommand, isLowerCaseUuid } from './state-command.js';
import type { StateModel } from './state-model.js';
import { describeRef, resolveThread, type ThreadRef } from './state-refs.js';
import { verifyState } from './verify-state.js';

export type CreateThreadBody =
  | { readonly kind: 'none' | 'empty' }
  | { readonly kind: 'id'; readonly ref: ThreadRef }
  | { readonly kind: 'junk'; readonly text: string };

/** `POST /__mock/threads`. */
export class CreateThreadCommand extends AlwaysApplicableCommand {
  constructor(readonly body: CreateThreadBody) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
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
      if (typeof created !== 'string' || !isLowerCaseUuid(created)) {
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
  override toString(): string {
    const { body } = this;
    return `createThread(${body.kind === 'id' ? describeRef(body.ref) : body.kind === 'junk' ? JSON.stringify(body.text) : body.kind})`;
  }
}

/** `DELETE /__mock/threads/{id}`. */
export class DeleteThreadCommand extends AlwaysApplicableCommand {
  constructor(readonly ref: ThreadRef) {
    super();
  }
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
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
  override toString(): string {
    return `deleteThread(${describeRef(this.ref)})`;
  }
}

/** `POST /__mock/reset`. */
export class ResetCommand extends AlwaysApplicableCommand {
  protected override async apply(model: StateModel, real: StateReal): Promise<void> {
    const answer = await send(real, 'POST', '/__mock/reset');
    expectStatus(answer, [200], 'reset');
    model.reset();
    expectSameJson(answer.json, { threads: model.threads.size }, 'reset');
    await verifyState(model, real, undefined);
  }
  override toString(): string {
    return 'reset';
  }
}
