/**
 * An answer from the core: a status, headers in the order they are sent, and the body as text. The
 * headers object is new for every answer, so an adapter may add its own (`Content-Length`) to it.
 * An adapter sends no body for a HEAD request, but keeps the headers of the GET.
 */
export interface MockResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body text; empty for 204 and for answers with no body. */
  readonly body: string;
}

/** The content type of every JSON answer. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
