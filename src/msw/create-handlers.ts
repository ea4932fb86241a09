import { http, type HttpHandler } from 'msw';
import { createLiveLifecycle } from '../core/create-live-lifecycle.js';
import { createRequestCore, type RequestCoreOptions } from '../core/create-request-core.js';
import { createSeededStore } from '../store/create-seeded-store.js';
import type { LiveLifecycleOptions } from '../store/live-lifecycle.js';
import { loadFaker } from '../store/seeded-faker.js';

/** Options of `createHandlers`: those of `createMockServer` (but where to listen), and the base URL. */
export interface HandlersOptions extends Omit<RequestCoreOptions, 'lifecycle'> {
  /** Move unfinished runs along the queue in real time (pending → running → success/error). */
  readonly live?: LiveLifecycleOptions | boolean | undefined;
  /** Where the mock answers, as the app under test calls it; default `http://127.0.0.1:2024`. */
  readonly baseUrl?: string | undefined;
}

/** The mock's default address, the same as `langgraph-mock serve`'s. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:2024';

/**
 * MSW 2 request handlers that answer List Runs and the control API under `baseUrl` from the same request
 * core as the server: the same statuses, headers and bytes, with no process to start. Works with
 * `setupServer` (`msw/node`, in Vitest or Jest) and `setupWorker` (`msw/browser`).
 *
 * @example
 * const server = setupServer(...createHandlers({ seed: 7 }));
 * server.listen();
 */
export function createHandlers(options: HandlersOptions = {}): HttpHandler[] {
  const store = options.store ?? createSeededStore(options);
  const lifecycle = createLiveLifecycle(store, options.live, options.seed);
  const core = createRequestCore({ ...options, store, lifecycle });
  // A browser has no synchronous way to load Faker, which generating runs needs: every answer (and the
  // live lifecycle, which reads the busy runs) waits for it once.
  const ready = loadFaker().then(() => {
    lifecycle?.trackAll();
    lifecycle?.start();
  });
  ready.catch(() => undefined); // a failed load is reported by the requests that wait for it
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  return [
    http.all(`${base}/*`, async ({ request }) => {
      await ready;
      return core.handle(request);
    }),
  ];
}
