import express, { type Express } from 'express';
import { NotFoundError } from '../errors/domain-errors.js';
import { createSeededStore, type SeededStoreOptions } from '../store/create-seeded-store.js';
import type { RunStore } from '../store/run-store.js';
import { cors } from './cors.js';
import { createErrorHandler, type ErrorLogger } from './error-handler.js';
import { LIST_RUNS_ROUTE, listRunsHandler } from './list-runs-handler.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';

/** Options of `createApp`: a store, or how to seed one. */
export interface AppOptions extends SeededStoreOptions {
  /** Serve this store instead of seeding a new one. */
  readonly store?: RunStore;
  /** Where unexpected errors are reported (default: stderr). */
  readonly logError?: ErrorLogger;
}

const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

/**
 * The Express app serving List Runs: CORS, the one route, JSON 404/405 for everything else, and the
 * error handler. Use it to mount the mock inside another server, or `createMockServer` to listen.
 *
 * @example
 * const app = createApp({ seed: 7 });
 * app.listen(2024, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  const store = options.store ?? createSeededStore(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false); // the handler reads the raw query: repeated keys, no qs object magic

  app.use(cors(ALLOWED_METHODS));
  app.get(LIST_RUNS_ROUTE, listRunsHandler(store));
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
