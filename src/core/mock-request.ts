/** Header values as Node gives them: lower-case names, a list for a repeated header. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * A request as the core sees it, whatever door it came through (`node:http`, Express, a WHATWG
 * `Request` in MSW or a browser): nothing here needs Node.
 */
export interface MockRequest {
  /** Upper-case method, e.g. `GET`. */
  readonly method: string;
  /** The request target as sent: path and query, e.g. `/threads/…/runs?limit=5`. */
  readonly url: string;
  readonly headers: RequestHeaders;
  /** The body as text; undefined when the request has none. */
  readonly body?: string | undefined;
  /**
   * How many bytes the body has, when the door knows it without reading it all: a `Content-Length` over
   * the limit, or a stream cut off past it. The core then answers 413 without looking at `body`.
   */
  readonly bodyBytes?: number | undefined;
}
