import type { RequestHeaders } from './mock-request.js';

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const DEFAULT_ALLOWED_HEADERS = 'content-type, x-api-key, authorization';

/**
 * The headers every answer starts with: `nosniff` and CORS for browser apps on other origins (a Vite dev
 * server on :5173 talking to the mock on :2024). The request's origin is reflected, with credentials
 * allowed, so apps that send cookies work too; without an origin the answer allows any (`*`). Either
 * way the answer depends on `Origin`, so every answer says `Vary: Origin` for caches in between.
 */
export function baseHeaders(origin: string | readonly string[] | undefined): Record<string, string> {
  return typeof origin === 'string'
    ? {
        'X-Content-Type-Options': 'nosniff',
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        Vary: 'Origin',
      }
    : { 'X-Content-Type-Options': 'nosniff', 'Access-Control-Allow-Origin': '*', Vary: 'Origin' };
}

/** True for a CORS preflight: OPTIONS asking which method it may use. */
export function isPreflight(method: string, headers: RequestHeaders): boolean {
  return method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
}

/**
 * The headers of a preflight's 204: the methods of the path asked about, and the request headers the
 * browser asked for (the SDK's `x-api-key`, `content-type`...), or a default set.
 */
export function preflightHeaders(
  headers: RequestHeaders,
  allowedMethods: readonly string[],
): Record<string, string> {
  return {
    ...baseHeaders(headers.origin),
    'Access-Control-Allow-Methods': allowedMethods.join(', '),
    'Access-Control-Allow-Headers': requestedHeaders(headers) ?? DEFAULT_ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}

function requestedHeaders(headers: RequestHeaders): string | undefined {
  const requested = headers['access-control-request-headers'];
  if (typeof requested !== 'string') return undefined;
  const names = requested
    .split(',')
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name));
  return names.length > 0 ? names.join(', ') : undefined;
}
