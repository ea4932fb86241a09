import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestCore } from '../core/create-request-core.js';
import type { MockRequest } from '../core/mock-request.js';
import type { MockResponse } from '../core/mock-response.js';
import { MAX_BODY_BYTES } from '../core/parse-json-body.js';

/** Methods whose body the core reads; any other request's body is left for Node to discard. */
const METHODS_WITH_BODY = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The `node:http` door to the request core: hands it Node's own method, target and headers (no copies),
 * and writes its answer with one `writeHead`. A request without a body is answered in the same tick,
 * so a List Runs page costs the core's work and Node's, nothing more. A body over the core's limit is
 * not read: its 413 goes out as soon as `Content-Length` or the bytes so far pass the limit, and the
 * connection is closed.
 */
export function createNodeListener(core: RequestCore): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const { headers } = request;
    const hasBody =
      METHODS_WITH_BODY.has(method) &&
      (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined);
    if (!hasBody) {
      send(response, core.respond({ method, url, headers }), false);
      return;
    }
    const declared = Number(headers['content-length']);
    if (declared > MAX_BODY_BYTES) {
      send(response, core.respond({ method, url, headers, body: '', bodyBytes: declared }), true);
      return;
    }
    readBody(request, (body) => {
      const whole = body.bodyBytes === undefined;
      send(response, core.respond({ method, url, headers, ...body }), !whole);
    });
  };
}

function send(response: ServerResponse, answer: MockResponse | Promise<MockResponse>, close: boolean): void {
  if (answer instanceof Promise) {
    void answer.then((resolved) => {
      write(response, resolved, close);
    });
  } else {
    write(response, answer, close);
  }
}

function write(response: ServerResponse, answer: MockResponse, close: boolean): void {
  const { status, headers, body } = answer;
  if (typeof body !== 'string') {
    response.writeHead(status, headers); // no Content-Length: Node sends the pieces chunked
    if (response.req.method === 'HEAD') response.end();
    else writePieces(response, body[Symbol.iterator]());
    return;
  }
  if (status !== 204) headers['Content-Length'] = String(Buffer.byteLength(body));
  // With the rest of an oversized body unread, the connection cannot carry another request.
  if (close) headers['Connection'] = 'close';
  response.writeHead(status, headers);
  response.end(body); // Node sends no body for HEAD, keeping the GET's Content-Length
}

/**
 * Writes a large body a piece at a time: after each piece, the next waits for the socket to drain when
 * Node's buffer is full (backpressure), and otherwise for the next turn of the event loop, so other
 * clients are served in between. A client gone stops the rendering; a piece that fails to render
 * aborts the connection (the core has logged it), and is never rendered again.
 */
function writePieces(response: ServerResponse, pieces: Iterator<string>): void {
  const next = (): void => {
    if (response.destroyed) return;
    let piece: IteratorResult<string>;
    try {
      piece = pieces.next();
    } catch {
      response.destroy();
      return;
    }
    if (piece.done === true) {
      response.end();
    } else if (response.write(piece.value)) {
      setImmediate(next);
    } else {
      response.once('drain', next);
    }
  };
  next();
}

/**
 * Reads the body as UTF-8 text, or stops as soon as it passes the limit and reports its size so far
 * (`bodyBytes`) without the text. A client that breaks off mid-body gets no answer.
 */
function readBody(
  request: IncomingMessage,
  done: (body: Pick<MockRequest, 'body' | 'bodyBytes'>) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) {
      chunks.push(chunk);
      return;
    }
    request.off('data', onData);
    request.off('end', onEnd);
    request.pause();
    done({ body: '', bodyBytes: size });
  };
  const onEnd = (): void => {
    done({ body: Buffer.concat(chunks).toString('utf8') });
  };
  request.on('data', onData);
  request.on('end', onEnd);
}
