/**
 * A request the core refuses before any domain code sees it (a body that is not JSON, too large, or of
 * another content type): its HTTP status and `detail` travel with it to the one error mapper.
 */
export class RequestError extends Error {
  override readonly name = 'RequestError';

  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}
