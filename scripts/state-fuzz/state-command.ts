import type fc from 'fast-check';
import { isUuid } from '../../src/openapi/uuid-format.js';
import type { StateReal } from './state-client.js';
import type { StateModel } from './state-model.js';

/** A command of the state fuzz: run against the mock over HTTP and checked against the model. */
export type StateCommand = fc.AsyncCommand<StateModel, StateReal>;

/** True for a lower-case canonical UUID, as the server writes every id. */
export function isLowerCaseUuid(text: string): boolean {
  return isUuid(text) && text === text.toLowerCase();
}
