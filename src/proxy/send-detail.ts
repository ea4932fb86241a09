import type { ServerResponse } from 'node:http';

/**
 * Answers `{"detail": ...}` with `status`: the proxy's own answers (target failures, strict refusals,
 * its violations path). Cuts the connection instead when the answer has already begun or the client is
 * gone, since a status can no longer be sent.
 */
export function sendDetail(response: ServerResponse, status: number, detail: string): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  const body = JSON.stringify({ detail });
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
