import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createListRunsAnswerer } from './answer-list-runs.js';
import { endToEndHeaders, rawHeaderValue } from './hop-by-hop-headers.js';
import { listRunsThreadOf } from './list-runs-target.js';
import { sendDetail } from './send-detail.js';
import { DEFAULT_TARGET_TIMEOUT_MS } from './request-target.js';
import { classifyTargetError, TargetError, targetFailureStatus } from './target-error.js';
import { ViolationLog, type ObservedViolation } from './violation-log.js';
import { listen } from '../http/listen.js';

/** The path the proxy answers itself; every other path goes to the target. */
export const VIOLATIONS_PATH = '/__mock/violations';

/** A List Runs answer that came through the proxy, for whoever records runs. */
export interface ListRunsAnswer {
  /** The thread path segment, percent-decoded. */
  readonly thread: string;
  readonly status: number;
  /** The decoded body text. */
  readonly body: string;
}

/** Options of `createProxyServer`. */
export interface ProxyOptions {
  /** Where requests go; a path prefix is kept (`https://host/api` sends `/threads/…` to `/api/threads/…`). */
  readonly target: URL;
  /** Port to listen on; 0 (the default here) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Sent to the target as `x-api-key` in place of the client's. */
  readonly apiKey?: string | undefined;
  /** Answer 502 in place of a List Runs answer that breaks the contract. */
  readonly strict?: boolean;
  /** How long the target may stay silent, in milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  /** Called with each violation as it is found (one log line each). */
  readonly onViolation?: (violation: ObservedViolation) => void;
  /** Called when the target fails a request (502 or 504). */
  readonly onTargetFailure?: (request: string, error: TargetError) => void;
  /** Called with every complete List Runs answer, after its check. */
  readonly onListRunsAnswer?: ((answer: ListRunsAnswer) => void) | undefined;
}

/** A listening proxy. */
export interface ProxyServer {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Every contract violation seen in the target's List Runs answers. */
  readonly violations: ViolationLog;
  /** Stops accepting connections, ends open ones, and resolves once the server has closed. */
  close(): Promise<void>;
}

/**
 * Starts a proxy in front of a server that claims the List Runs contract. It forwards every request (any
 * method and path, bodies streamed) and checks every List Runs answer with `checkResponse`, against the
 * request's own `select`. A target that is down or silent becomes a 502 or 504 with a `detail`.
 *
 * @example
 * const proxy = await createProxyServer({ target: new URL('https://my-deployment.example'), strict: true });
 * // point the app at proxy.url; GET proxy.url + '/__mock/violations' lists what broke the contract
 */
export async function createProxyServer(options: ProxyOptions): Promise<ProxyServer> {
  const violations = new ViolationLog();
  const forward = createForwarder(options, violations);
  const server = createServer({ keepAlive: true }, (request, response) => {
    if (pathOf(request.url ?? '/') === VIOLATIONS_PATH) answerViolations(request, response, violations);
    else forward(request, response);
  });
  // A malformed request never reaches the handler; answer it as HTTP asks rather than drop it silently.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const { url, port } = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return {
    url,
    port,
    server,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        forward.agent.destroy();
      }),
  };
}

type Forwarder = ((request: IncomingMessage, response: ServerResponse) => void) & { agent: Agent };

function createForwarder(options: ProxyOptions, violations: ViolationLog): Forwarder {
  const { target } = options;
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  // Connections to the target are reused: a new one per request would cost more than the check.
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new Agent({ keepAlive: true });
  const prefix = target.pathname.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TARGET_TIMEOUT_MS;
  const checkThenAnswer = createListRunsAnswerer(options, violations);
  const replaced: Record<string, string> = { host: target.host };
  if (options.apiKey !== undefined) replaced['x-api-key'] = options.apiKey;

  const forward = (request: IncomingMessage, response: ServerResponse): void => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const thread = listRunsThreadOf(method, url);
    const upstream = send({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method,
      path: `${prefix}${url}`,
      // A raw list goes out as it is; an object would be validated and copied header by header.
      headers: endToEndHeaders(request.rawHeaders, replaced),
      agent,
    });
    upstream.setTimeout(timeoutMs, () => {
      upstream.destroy(
        new TargetError('timeout', `target ${target.origin} did not answer within ${timeoutMs} ms`),
      );
    });
    let clientGone = false;
    upstream.on('error', (error) => {
      // The client left first and its request was dropped on purpose: no failure of the target's.
      if (clientGone) return;
      const failure = classifyTargetError(error, target);
      options.onTargetFailure?.(`${method} ${url}`, failure);
      sendDetail(response, targetFailureStatus(failure), failure.message);
    });
    upstream.on('response', (answer) => {
      if (thread === undefined) passThrough(answer, response);
      else checkThenAnswer({ method, url, thread }, answer, response);
    });
    // A client that goes away takes its pending request with it.
    response.on('close', () => {
      if (response.writableFinished) return;
      clientGone = true;
      upstream.destroy();
    });
    if (hasBody(request)) {
      request.pipe(upstream);
    } else {
      // Most requests are GETs without a body: ending at once spares the stream plumbing of a pipe.
      request.resume();
      upstream.end();
    }
  };

  return Object.assign(forward, { agent });
}

/** Whether a request has a body to stream on (HTTP/1.1 frames one with either of these headers). */
function hasBody(request: IncomingMessage): boolean {
  const length = rawHeaderValue(request.rawHeaders, 'content-length');
  return (
    rawHeaderValue(request.rawHeaders, 'transfer-encoding') !== undefined ||
    (length !== undefined && length !== '0')
  );
}

function passThrough(answer: IncomingMessage, response: ServerResponse): void {
  response.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.rawHeaders));
  answer.on('error', () => response.destroy());
  answer.pipe(response);
}

function answerViolations(request: IncomingMessage, response: ServerResponse, log: ViolationLog): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    sendDetail(response, 405, `Method ${request.method ?? ''} not allowed on ${VIOLATIONS_PATH}`);
    request.resume();
    return;
  }
  const body = JSON.stringify(log);
  response.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  request.resume();
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
