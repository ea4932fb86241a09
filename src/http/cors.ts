import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const DEFAULT_ALLOWED_HEADERS = 'content-type, x-api-key, authorization';

/**
 * CORS for browser apps on other origins (a Vite dev server on :5173 talking to the mock on :2024).
 * The request's origin is reflected, with credentials allowed, so apps that send cookies work too; a
 * preflight is answered at once with the headers it asked for (the SDK's `x-api-key`, `content-type`...).
 */
export function cors(allowedMethods: readonly string[]): RequestHandler {
  const methods = allowedMethods.join(', ');
  return (request, response, next) => {
    setCorsHeaders(request.headers.origin, response);
    const isPreflight =
      request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (!isPreflight) {
      next();
      return;
    }
    response.setHeader('Access-Control-Allow-Methods', methods);
    response.setHeader(
      'Access-Control-Allow-Headers',
      requestedHeaders(request.headers) ?? DEFAULT_ALLOWED_HEADERS,
    );
    response.setHeader('Access-Control-Max-Age', '600');
    response.status(204).end();
  };
}

/** The CORS headers of every answer: the origin reflected with credentials, or `*` without one. */
export function setCorsHeaders(origin: string | undefined, response: ServerResponse): void {
  if (origin === undefined) {
    response.setHeader('Access-Control-Allow-Origin', '*');
  } else {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Vary', 'Origin');
  }
}

function requestedHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const requested = headers['access-control-request-headers'];
  if (typeof requested !== 'string') return undefined;
  const names = requested
    .split(',')
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name));
  return names.length > 0 ? names.join(', ') : undefined;
}
