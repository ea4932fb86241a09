/** A known path asked with a method it does not serve: HTTP 405 with an `Allow` header. */
export class MethodNotAllowedError extends Error {
  override readonly name = 'MethodNotAllowedError';

  constructor(readonly allowedMethods: readonly string[]) {
    super('Method Not Allowed');
  }
}
