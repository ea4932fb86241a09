import type { MockRequest } from './mock-request.js';
import type { MockResponse } from './mock-response.js';
import { MAX_BODY_BYTES } from './parse-json-body.js';

/**
 * The WHATWG door to the core: a fetch `Request` in, a `Response` out, for MSW handlers, service
 * workers and any runtime with the Fetch API. The target is the URL's path and query as the client
 * encoded them; a body over the core's limit, by its `Content-Length`, is not read.
 */
export async function handleFetchRequest(
  respond: (request: MockRequest) => MockResponse | Promise<MockResponse>,
  request: Request,
): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const method = request.method.toUpperCase();
  const declared = Number(headers['content-length']);
  const hasBody = request.body !== null && method !== 'GET' && method !== 'HEAD';
  const body = !hasBody ? undefined : declared > MAX_BODY_BYTES ? '' : await request.text();
  const answer = await respond({
    method,
    url: `${url.pathname}${url.search}`,
    headers,
    body,
    bodyBytes: hasBody && declared > MAX_BODY_BYTES ? declared : undefined,
  });
  const empty = method === 'HEAD' || answer.status === 204;
  const text = answer.body;
  return new Response(empty ? null : typeof text === 'string' ? text : streamOf(text), {
    status: answer.status,
    headers: answer.headers,
  });
}

/** A large body as a byte stream that renders a piece each time its reader asks for one. */
function streamOf(pieces: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = iterator.next(); // a throw here errors the stream, once
      if (piece.done === true) controller.close();
      else controller.enqueue(encoder.encode(piece.value));
    },
    cancel() {
      iterator.return?.();
    },
  });
}
