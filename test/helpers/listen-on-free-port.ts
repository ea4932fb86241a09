import type { Server } from 'node:net';
import { createServer } from 'node:net';

/**
 * Starts `server` (an HTTP or a plain TCP server) on 127.0.0.1, a free port, and resolves with its port;
 * rejects when it cannot listen.
 *
 * @example
 * const url = `http://127.0.0.1:${await listenOnFreePort(createServer(handler))}`;
 */
export async function listenOnFreePort(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('test: the server has no port');
  return address.port;
}

/** A port nothing listens on: bound on 127.0.0.1, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnFreePort(server);
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  return port;
}
