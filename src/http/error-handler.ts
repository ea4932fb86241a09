import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UriTooLongError,
  ValidationError,
} from '../errors/domain-errors.js';
import { InjectedFaultError } from './injected-fault-error.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';

/** Where unexpected errors are reported; never the client. */
export type ErrorLogger = (message: string) => void;

interface ErrorResponse {
  readonly status: number;
  readonly detail: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The one place errors become responses: each known error class maps to a status and a
 * `{"detail": ...}` body; anything else is logged and answered with a bare 500, no stack, no file path.
 */
export function createErrorHandler(log: ErrorLogger): ErrorRequestHandler {
  return (error: unknown, _request, response, next) => {
    if (response.headersSent) {
      next(error); // Express then closes the connection; nothing else can be sent
      return;
    }
    const { status, detail, headers = {} } = toErrorResponse(error, log);
    response.status(status).set(headers).json({ detail });
  };
}

function toErrorResponse(error: unknown, log: ErrorLogger): ErrorResponse {
  if (error instanceof ValidationError) return { status: 422, detail: error.message };
  if (error instanceof NotFoundError) return { status: 404, detail: error.message };
  if (error instanceof BadRequestError) return { status: 400, detail: error.message };
  if (error instanceof ConflictError) return { status: 409, detail: error.message };
  if (error instanceof ForbiddenError) return { status: 403, detail: error.message };
  if (error instanceof UriTooLongError) return { status: 414, detail: error.message };
  if (error instanceof MethodNotAllowedError) {
    return { status: 405, detail: error.message, headers: { Allow: error.allowedMethods.join(', ') } };
  }
  if (error instanceof InjectedFaultError) return { status: 500, detail: error.message };
  if (isBodyParseError(error)) return { status: 400, detail: 'Request body is not valid JSON' };
  // Express fails to decode a path parameter such as `/__mock/threads/%ZZ` with a URIError.
  if (error instanceof URIError) return { status: 400, detail: 'Malformed percent-encoding in the URL' };
  const clientStatus = clientErrorStatus(error);
  if (clientStatus !== undefined)
    return { status: clientStatus, detail: STATUS_CODES[clientStatus] ?? 'Bad Request' };
  log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, detail: 'Internal Server Error' };
}

/** Express and its parsers flag client mistakes (a malformed request) with `status` 4xx and `expose`. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}

/** body-parser's error for a JSON body that does not parse. */
function isBodyParseError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}
