import express, { type Express } from 'express';
import { createRequestCore, type RequestCoreOptions } from '../core/create-request-core.js';
import { createNodeListener } from './create-node-listener.js';

/** Options of `createApp`: a store (or how to seed one) and how the mock behaves. */
export type AppOptions = RequestCoreOptions;

/**
 * The mock as an Express app, to mount inside another server: List Runs, the scenario control API under
 * `/__mock`, CORS, JSON 404/405, all answered by the same request core as `createMockServer` (Express
 * only hands the request over). Use `createMockServer` to listen.
 *
 * @example
 * const app = createApp({ seed: 7 });
 * app.listen(2024, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  const listener = createNodeListener(createRequestCore(options));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false); // the core reads the raw query: repeated keys, no qs object magic
  app.use((request, response) => {
    listener(request, response);
  });
  return app;
}
