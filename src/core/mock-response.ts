/**
 * An answer from the core: a status, headers in the order they are sent, and the body as text. The
 * headers object is new for every answer, so an adapter may add its own (`Content-Length`) to it.
 * An adapter sends no body for a HEAD request, but keeps the headers of the GET.
 */
export interface MockResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /**
   * The body text; empty for 204 and for answers with no body. A large List Runs page is instead its
   * text in pieces, each rendered when asked for: a door writes one, waits for the socket to drain
   * if it must and yields to the event loop, then asks for the next, and aborts the connection if
   * asking throws (the status is gone by then; the error has been logged).
   */
  readonly body: string | Iterable<string>;
}

/** The content type of every JSON answer. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
