import type fc from 'fast-check';
import { isUuid } from '../../src/openapi/uuid-format.js';
import { countCommand, type StateReal } from './state-client.js';
import type { StateModel } from './state-model.js';

/** A command of the state fuzz: run against the mock over HTTP and checked against the model. */
export type StateCommand = fc.AsyncCommand<StateModel, StateReal>;

/**
 * A command that applies in every state: the mock must answer whatever it is sent, so none is ever
 * skipped. `run` counts the command, then `apply` sends it and checks the answer against the model.
 */
export abstract class AlwaysApplicableCommand implements StateCommand {
  check(): boolean {
    return true;
  }
  async run(model: StateModel, real: StateReal): Promise<void> {
    countCommand(real, this);
    await this.apply(model, real);
  }
  /** Sends the command to the mock, checks the answer and updates the model. */
  protected abstract apply(model: StateModel, real: StateReal): Promise<void>;
}

/** True for a lower-case canonical UUID, as the server writes every id. */
export function isLowerCaseUuid(text: string): boolean {
  return isUuid(text) && text === text.toLowerCase();
}
