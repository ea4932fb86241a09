import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { baseHeaders } from '../core/cors-headers.js';
import { JSON_CONTENT_TYPE } from '../core/mock-response.js';

/** Node's parser codes mapped to the status a client should see. */
const STATUS_BY_CODE: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

const ORIGIN_LINE = /\r\norigin:[ \t]*([^\r\n]*?)[ \t]*\r\n/i;

/**
 * Requests Node rejects before the core sees them (malformed, headers over 16 KB, too slow) get a JSON
 * `{"detail"}` answer with the CORS headers of every other answer, so a page on another origin can read
 * it, instead of Node's bare status line; then the socket is closed. A socket already gone is left alone.
 */
export function handleClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const [status, detail] = STATUS_BY_CODE[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({ detail });
    // What Node read of the request, when it read any: a HEAD answer has no body (a body would break
    // the client's parser), and the origin, when it came before the cut, is reflected like elsewhere.
    const rawPacket = (error as { rawPacket?: unknown }).rawPacket;
    const head = Buffer.isBuffer(rawPacket) ? rawPacket.toString('latin1') : '';
    const headers = {
      'Content-Type': JSON_CONTENT_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      ...baseHeaders(ORIGIN_LINE.exec(head)?.[1]),
      Connection: 'close',
    };
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.end(
      `HTTP/1.1 ${status} ${detail}\r\n${lines.join('')}\r\n${head.startsWith('HEAD ') ? '' : body}`,
    );
  });
}
