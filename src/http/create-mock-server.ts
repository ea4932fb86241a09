import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeededStore, DEFAULT_SEED } from '../store/create-seeded-store.js';
import { LiveLifecycle, type LiveLifecycleOptions } from '../store/live-lifecycle.js';
import { createRandom, hash32 } from '../store/random.js';
import type { RunStore } from '../store/run-store.js';
import { createApp, type AppOptions } from './create-app.js';
import { handleClientErrors } from './handle-client-errors.js';
import { listRunsFastPath } from './list-runs-fast-path.js';

const LIVE_SALT = 0x11fe;

/** Options of `createMockServer`. */
export interface MockServerOptions extends Omit<AppOptions, 'lifecycle'> {
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
  const lifecycle =
    options.live === undefined || options.live === false
      ? undefined
      : new LiveLifecycle(
          store,
          createRandom(hash32(options.seed ?? DEFAULT_SEED, LIVE_SALT)),
          options.live === true ? {} : options.live,
        );
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer(
    // Node checks for expired requests at this interval; its 30 s default would let slow clients linger.
    {
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
      headersTimeout,
      requestTimeout: headersTimeout * 3,
    },
    withFastPath(options, store, createApp({ ...options, store, lifecycle })),
  );
  handleClientErrors(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  lifecycle?.trackAll();
  lifecycle?.start();
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
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

/** The app, behind the List Runs fast path when no option needs the app's middleware on every request. */
function withFastPath(options: MockServerOptions, store: RunStore, app: RequestListener): RequestListener {
  const perRequestOptions = [options.apiKey, options.logRequest, options.latency, options.errorRate];
  if (perRequestOptions.some((option) => option !== undefined)) return app;
  return listRunsFastPath(store, options.profile ?? 'contract', app);
}
