import express, { type Express } from 'express';
import { NotFoundError } from '../errors/domain-errors.js';
import { createSeededStore, DEFAULT_SEED, type SeededStoreOptions } from '../store/create-seeded-store.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import { createRandom, hash32 } from '../store/random.js';
import type { RunStore } from '../store/run-store.js';
import { createControlRouter, CONTROL_PREFIX } from './control-routes.js';
import { cors } from './cors.js';
import { createErrorHandler, type ErrorLogger } from './error-handler.js';
import { LIST_RUNS_ROUTE, listRunsHandler } from './list-runs-handler.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';
import { limitUrlLength } from './limit-url-length.js';
import { logRequests } from './request-logger.js';
import { requireApiKey } from './require-api-key.js';
import { simulateConditions, type SimulatedConditions } from './simulated-conditions.js';
import type { Profile } from '../query/profile.js';

/** Options of `createApp`: a store (or how to seed one) and how the mock behaves. */
export interface AppOptions extends SeededStoreOptions, SimulatedConditions {
  /** Serve this store instead of seeding a new one. */
  readonly store?: RunStore | undefined;
  /** `contract` (default): the spec's rules; `agent-server`: the real server's laxer parsing. */
  readonly profile?: Profile | undefined;
  /** Moves unfinished runs along; appended runs are handed to it. */
  readonly lifecycle?: LiveLifecycle | undefined;
  /** Require this `x-api-key` on every request but CORS preflights (403 otherwise). */
  readonly apiKey?: string | undefined;
  /** Called with one line per request (method, path and query, status, ms); default: no log. */
  readonly logRequest?: ((line: string) => void) | undefined;
  /** Where unexpected errors are reported (default: stderr). */
  readonly logError?: ErrorLogger | undefined;
}

const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
const CONDITIONS_SALT = 0xfa017;

/**
 * The Express app serving List Runs: CORS, the route, the scenario control API under `/__mock`, JSON
 * 404/405 for everything else, and the one error handler. Use it to mount the mock inside another
 * server, or `createMockServer` to listen.
 *
 * @example
 * const app = createApp({ seed: 7 });
 * app.listen(2024, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  if (options.apiKey === '') {
    // An empty key once let through only requests without one and refused every real key.
    throw new TypeError('apiKey must be a non-empty string; leave it out to serve without a key');
  }
  const store = options.store ?? createSeededStore(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false); // the handler reads the raw query: repeated keys, no qs object magic

  if (options.logRequest !== undefined) app.use(logRequests(options.logRequest));
  app.use((_request, response, next) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  app.use(limitUrlLength());
  app.use(cors(ALLOWED_METHODS));
  if (options.apiKey !== undefined) app.use(requireApiKey(options.apiKey));
  app.use(CONTROL_PREFIX, createControlRouter(store, options.lifecycle));
  const conditionsRandom = createRandom(hash32(options.seed ?? DEFAULT_SEED, CONDITIONS_SALT));
  app.get(
    LIST_RUNS_ROUTE,
    simulateConditions(options, conditionsRandom),
    listRunsHandler(store, options.profile),
  );
  app.options(LIST_RUNS_ROUTE, (_request, response) => {
    response.setHeader('Allow', ALLOWED_METHODS.join(', '));
    response.status(204).end();
  });
  app.all(LIST_RUNS_ROUTE, () => {
    throw new MethodNotAllowedError(ALLOWED_METHODS);
  });
  app.use(() => {
    throw new NotFoundError('Not Found');
  });
  app.use(createErrorHandler(options.logError ?? ((message) => process.stderr.write(`${message}\n`))));
  return app;
}
