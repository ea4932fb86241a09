import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's parser codes mapped to the status a client should see. */
const STATUS_BY_CODE: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * Requests Node rejects before Express sees them (malformed, headers over 16 KB, too slow) get a JSON
 * `{"detail"}` answer, like every other error, instead of Node's bare status line; then the socket is
 * closed. A socket already gone is left alone.
 */
export function handleClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, detail] = STATUS_BY_CODE[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({ detail });
    // An answer to HEAD has the headers of the GET and no body; a body would break the client's parser.
    const rawPacket = (error as { rawPacket?: unknown }).rawPacket;
    const isHead = Buffer.isBuffer(rawPacket) && rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
    socket.end(
      `HTTP/1.1 ${status} ${detail}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${isHead ? '' : body}`,
    );
  });
}
