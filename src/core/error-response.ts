import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UriTooLongError,
  ValidationError,
} from '../errors/domain-errors.js';
import { baseHeaders } from './cors-headers.js';
import { InjectedFaultError } from './injected-fault-error.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';
import { JSON_CONTENT_TYPE, type MockResponse } from './mock-response.js';
import { RequestError } from './request-error.js';

/** Where unexpected errors are reported; never the client. */
export type ErrorLogger = (message: string) => void;

/**
 * The one place errors become answers: each known error class maps to a status and a `{"detail": ...}`
 * body; anything else is logged and answered with a bare 500, no stack, no file path.
 */
export function errorResponse(
  error: unknown,
  origin: string | readonly string[] | undefined,
  log: ErrorLogger,
): MockResponse {
  const [status, detail] = statusAndDetail(error, log);
  const headers = baseHeaders(origin);
  if (error instanceof MethodNotAllowedError) headers['Allow'] = error.allowedMethods.join(', ');
  headers['Content-Type'] = JSON_CONTENT_TYPE;
  return { status, headers, body: JSON.stringify({ detail }) };
}

function statusAndDetail(error: unknown, log: ErrorLogger): readonly [number, string] {
  if (error instanceof ValidationError) return [422, error.message];
  if (error instanceof NotFoundError) return [404, error.message];
  if (error instanceof BadRequestError) return [400, error.message];
  if (error instanceof ConflictError) return [409, error.message];
  if (error instanceof ForbiddenError) return [403, error.message];
  if (error instanceof UriTooLongError) return [414, error.message];
  if (error instanceof MethodNotAllowedError) return [405, error.message];
  if (error instanceof RequestError) return [error.status, error.message];
  if (error instanceof InjectedFaultError) return [500, error.message];
  // A path parameter such as `/__mock/threads/%ZZ` fails to decode with a URIError.
  if (error instanceof URIError) return [400, 'Malformed percent-encoding in the URL'];
  log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return [500, 'Internal Server Error'];
}
