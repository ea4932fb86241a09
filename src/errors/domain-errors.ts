/**
 * The errors the domain throws. Each carries only what went wrong; the HTTP edge maps each class to a
 * status code and a `{"detail": message}` body in exactly one place (`src/core/error-response.ts`).
 */
export abstract class DomainError extends Error {}

/** Input that breaks the contract (a bad thread id, limit, offset, status or select): HTTP 422. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
}

/** Something named by the request does not exist (an unknown thread, an unknown route): HTTP 404. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

/** A write that clashes with the current state (an id already taken, a second running run): HTTP 409. */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
}

/** A request the agent-server profile rejects the way Python does (`int('abc')`): HTTP 400. */
export class BadRequestError extends DomainError {
  override readonly name = 'BadRequestError';
}

/** A request without the API key the mock was started with (`--api-key`): HTTP 403, as the real server. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
}

/** A request line too long to be a List Runs request: HTTP 414. */
export class UriTooLongError extends DomainError {
  override readonly name = 'UriTooLongError';
}
