import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where a server listens: its base URL and port. */
export interface ListeningAddress {
  /** Base URL, e.g. `http://127.0.0.1:53211` (an IPv6 host in brackets). */
  readonly url: string;
  readonly port: number;
}

/**
 * Listens on `host:port` (port 0 picks a free one) and resolves with the URL clients use, or rejects
 * with the listen error (a port in use, an address not on this machine).
 */
export async function listen(server: Server, host: string, port: number): Promise<ListeningAddress> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${address.port}`, port: address.port };
}
