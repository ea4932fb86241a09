import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeededStore } from '../store/create-seeded-store.js';
import type { RunStore } from '../store/run-store.js';
import { createApp, type AppOptions } from './create-app.js';

/** Options of `createMockServer`. */
export interface MockServerOptions extends AppOptions {
  /** Port to listen on; 0 (the default here) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1, so the mock is not reachable from the network. */
  readonly host?: string;
}

/** A listening mock server. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  readonly port: number;
  readonly store: RunStore;
  readonly server: Server;
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
  const server = createServer(createApp({ ...options, store }));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
