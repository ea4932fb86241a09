import { request, type Agent } from 'node:http';

/** One request, sent exactly as written. */
export interface RawRequest {
  readonly method: string;
  /** The request target, path and query, put on the request line byte for byte. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One answer, read whole. */
export interface RawAnswer {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Where to send a raw request and how. */
export interface RawTarget {
  /** Base URL of the server, e.g. `http://127.0.0.1:40211`; only host and port are used. */
  readonly baseUrl: string;
  /** Connection pool to use; default a fresh connection per request. */
  readonly agent?: Agent;
  readonly timeoutMs?: number;
}

/**
 * Sends one request with node:http and reads the whole answer. Not `fetch`: the WHATWG URL parser behind
 * it resolves dot segments and re-encodes the path, so `/threads/x/../y/runs` or `%2F` would never reach
 * the server as written. Rejects only when no answer comes (refused, reset, timed out).
 *
 * @example
 * const answer = await sendRawRequest({ baseUrl: mock.url }, { method: 'GET', path: '/threads/../runs' });
 */
export function sendRawRequest(target: RawTarget, raw: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(target.baseUrl);
  const timeoutMs = target.timeoutMs ?? 10_000;
  const headers: Record<string, string> = { ...raw.headers };
  if (raw.body !== undefined) headers['content-length'] = String(Buffer.byteLength(raw.body));
  return new Promise<RawAnswer>((resolve, reject) => {
    const outgoing = request(
      {
        host: hostname,
        port: Number(port),
        path: raw.path,
        method: raw.method,
        headers,
        agent: target.agent ?? false,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: flat,
            body: Buffer.concat(chunks).toString(),
          });
        });
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy(new Error(`no answer after ${timeoutMs} ms`));
    });
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}
