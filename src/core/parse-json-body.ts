import { RequestError } from './request-error.js';
import type { MockRequest } from './mock-request.js';

/** The largest control request body; a hand-written scenario fits many times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_MEDIA_TYPE = /^\s*application\/json\s*(?:;|$)/i;

/**
 * The JSON value of a write's body: undefined when there is none, `{}` for an empty JSON body (as
 * Express's JSON parser gives). A body over `MAX_BODY_BYTES` is a 413, a body of another content type a
 * 415 naming the expected one, and text that does not parse a 400.
 */
export function parseJsonBody(request: MockRequest): unknown {
  const { body, headers, bodyBytes } = request;
  if ((bodyBytes ?? 0) > MAX_BODY_BYTES) throw new RequestError(413, 'Payload Too Large');
  if (body === undefined) return undefined;
  if (body.length > MAX_BODY_BYTES / 3 && new TextEncoder().encode(body).length > MAX_BODY_BYTES) {
    throw new RequestError(413, 'Payload Too Large');
  }
  const type = headers['content-type'];
  if (typeof type !== 'string' || !JSON_MEDIA_TYPE.test(type)) {
    if (body === '') return undefined;
    throw new RequestError(
      415,
      `Unsupported Media Type: send the body as application/json (got ${typeof type === 'string' ? type : 'no Content-Type'})`,
    );
  }
  if (body === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new RequestError(400, 'Request body is not valid JSON');
  }
}
