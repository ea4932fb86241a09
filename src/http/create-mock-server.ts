import { createServer, type Server } from 'node:http';
import { createLiveLifecycle } from '../core/create-live-lifecycle.js';
import { createRequestCore, type RequestCoreOptions } from '../core/create-request-core.js';
import { createSeededStore } from '../store/create-seeded-store.js';
import type { LiveLifecycle, LiveLifecycleOptions } from '../store/live-lifecycle.js';
import type { RunStore } from '../store/run-store.js';
import { loadFaker } from '../store/seeded-faker.js';
import { createNodeListener } from './create-node-listener.js';
import { handleClientErrors } from './handle-client-errors.js';
import { listen } from './listen.js';

/** Options of `createMockServer`. */
export interface MockServerOptions extends Omit<RequestCoreOptions, 'lifecycle'> {
  /** Move unfinished runs along the queue in real time (pending → running → success/error). */
  readonly live?: LiveLifecycleOptions | boolean | undefined;
  /** Port to listen on; 0 (the default here) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1, so the mock is not reachable from the network. */
  readonly host?: string;
  /** A client must send its headers within this time (default 10 s): slow clients do not hold sockets. */
  readonly headersTimeoutMs?: number;
}

/** A listening mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  readonly port: number;
  readonly store: RunStore;
  readonly server: Server;
  /** The live lifecycle, when `live` was asked for. */
  readonly lifecycle: LiveLifecycle | undefined;
  /** Stops accepting connections, ends idle keep-alive ones, and resolves once the server has closed. */
  close(): Promise<void>;
}

/**
 * Starts the mock on a real socket; for use inside other test suites.
 *
 * @example
 * const mock = await createMockServer({ seed: 7 });
 * const runs = await (await fetch(`${mock.url}/threads/${id}/runs`)).json();
 * await mock.close();
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const store = options.store ?? createSeededStore(options);
  // Faker loads on first use, not on import; loading it here keeps that cost off the first request.
  await loadFaker();
  const lifecycle = createLiveLifecycle(store, options.live, options.seed);
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    // Node checks for expired requests at this interval; its 30 s default would let slow clients linger.
    {
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
      headersTimeout,
      requestTimeout: headersTimeout * 3,
    },
    // Every request, with every option, goes straight from node:http to the core: no framework between.
    createNodeListener(createRequestCore({ ...options, store, lifecycle })),
  );
  handleClientErrors(server);
  const { url, port } = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  lifecycle?.trackAll();
  lifecycle?.start();
  return {
    url,
    port,
    store,
    server,
    lifecycle,
    close: () =>
      new Promise<void>((resolve, reject) => {
        lifecycle?.stop();
        // Requests in flight finish; their keep-alive sockets turn idle only afterwards, so keep closing
        // idle sockets until the server has none left.
        const sweeper = setInterval(() => {
          server.closeIdleConnections();
        }, 50);
        server.close((error) => {
          clearInterval(sweeper);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
