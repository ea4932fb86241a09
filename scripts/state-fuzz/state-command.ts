import type fc from 'fast-check';
import type { StateReal } from './state-client.js';
import type { StateModel } from './state-model.js';

/** A command of the state fuzz: run against the mock over HTTP and checked against the model. */
export type StateCommand = fc.AsyncCommand<StateModel, StateReal>;

/** A lower-case canonical UUID, as the server writes every id. */
export const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
