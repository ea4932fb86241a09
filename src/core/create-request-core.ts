import { NotFoundError, UriTooLongError } from '../errors/domain-errors.js';
import { threadIdForDetail, type Profile } from '../query/profile.js';
import { createSeededStore, DEFAULT_SEED, type SeededStoreOptions } from '../store/create-seeded-store.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import type { RunStore } from '../store/run-store.js';
import { loadFaker } from '../store/seeded-faker.js';
import { seedStream } from '../store/seed-streams.js';
import { createApiKeyCheck } from './check-api-key.js';
import { CONTROL_PREFIX, createControlRouter } from './control-routes.js';
import { baseHeaders, isPreflight, preflightHeaders } from './cors-headers.js';
import { errorResponse, type ErrorLogger } from './error-response.js';
import { handleFetchRequest } from './handle-fetch-request.js';
import { LIST_RUNS_ROUTE, threadIdOf } from './list-runs-path.js';
import { listRunsRenderer } from './list-runs-renderer.js';
import { MAX_URL_LENGTH } from './max-url-length.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';
import type { MockRequest, RequestHeaders } from './mock-request.js';
import { JSON_CONTENT_TYPE, type MockResponse } from './mock-response.js';
import { PageCache } from './page-cache.js';
import { parseJsonBody } from './parse-json-body.js';
import type { RouteResponse } from './route-table.js';
import { simulateConditions, type SimulatedConditions } from './simulated-conditions.js';

/** Options of the request core: a store (or how to seed one) and how the mock behaves. */
export interface RequestCoreOptions extends SeededStoreOptions, SimulatedConditions {
  /** Serve this store instead of seeding a new one. */
  readonly store?: RunStore | undefined;
  /** `contract` (default): the spec's rules; `agent-server`: the real server's laxer parsing. */
  readonly profile?: Profile | undefined;
  /** Moves unfinished runs along; appended runs are handed to it. */
  readonly lifecycle?: LiveLifecycle | undefined;
  /** Require this `x-api-key` on every request but CORS preflights (403 otherwise). */
  readonly apiKey?: string | undefined;
  /** Called with one line per answer (method, path and query, status, ms); default: no log. */
  readonly logRequest?: ((line: string) => void) | undefined;
  /** Where unexpected errors are reported (default: `console.error`). */
  readonly logError?: ErrorLogger | undefined;
}

/** The whole mock as one function from a request to an answer, for any runtime. */
export interface RequestCore {
  readonly store: RunStore;
  /**
   * The answer to one request. Synchronous unless the answer waits (latency, `Prefer: delay=`) or loads
   * code on first use (the control API's first run write); a returned promise never rejects. Where
   * there is no `require` (a browser), `await loadFaker()` before the first answer that generates runs.
   */
  respond(request: MockRequest): MockResponse | Promise<MockResponse>;
  /** The same answer for a WHATWG `Request`, as a `Response` (MSW, service workers, fetch runtimes). */
  handle(request: Request): Promise<Response>;
}

const LIST_RUNS_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;
const CONTROL_METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * The mock's one request pipeline, below every door (the `node:http` server, the Express app, MSW
 * handlers): CORS preflight, URL limit, API key, then List Runs (with simulated conditions), the control
 * API under `/__mock`, or a JSON 404; every error mapped once to `{"detail"}`, every answer with CORS
 * headers, and one log line per answer.
 *
 * @example
 * const core = createRequestCore({ seed: 7 });
 * const answer = await core.respond({ method: 'GET', url: `/threads/${id}/runs`, headers: {} });
 */
export function createRequestCore(options: RequestCoreOptions = {}): RequestCore {
  if (options.apiKey === '') {
    // An empty key once let through only requests without one and refused every real key.
    throw new TypeError('apiKey must be a non-empty string; leave it out to serve without a key');
  }
  const store = options.store ?? createSeededStore(options);
  const profile = options.profile ?? 'contract';
  const render = listRunsRenderer(store, profile);
  const control = createControlRouter(store, options.lifecycle);
  const checkApiKey = options.apiKey === undefined ? undefined : createApiKeyCheck(options.apiKey);
  const conditions = simulateConditions(
    options,
    seedStream(options.seed ?? DEFAULT_SEED, 'simulatedConditions'),
  );
  const simulates = options.latency !== undefined || options.errorRate !== undefined;
  const logError =
    options.logError ??
    ((message: string) => {
      console.error(message);
    });
  const { logRequest } = options;

  const pages = new PageCache(store);
  const page = (path: string, url: string, origin: RequestHeaders[string]): MockResponse => {
    let body: MockResponse['body'] | undefined = pages.get(url);
    if (body === undefined) {
      const rendered = render(path, url);
      if (typeof rendered === 'string') pages.set(url, rendered);
      body = typeof rendered === 'string' ? rendered : loggingFailures(rendered, logError);
    }
    const headers = baseHeaders(origin);
    headers['Content-Type'] = JSON_CONTENT_TYPE;
    return { status: 200, headers, body };
  };

  const listRuns = (request: MockRequest, path: string): MockResponse | Promise<MockResponse> => {
    const { method, url, headers } = request;
    if (method === 'OPTIONS') return noContent(headers, { Allow: LIST_RUNS_METHODS.join(', ') });
    if (method !== 'GET' && method !== 'HEAD') throw new MethodNotAllowedError(LIST_RUNS_METHODS);
    if (!simulates && headers.prefer === undefined) return page(path, url, headers.origin);
    const { delayMs, fault } = conditions(headers.prefer, () => threadIdForDetail(profile, threadIdOf(path)));
    const answer = (): MockResponse => {
      if (fault !== undefined) throw fault;
      return page(path, url, headers.origin);
    };
    if (delayMs <= 0) return answer();
    return new Promise((resolve) => setTimeout(resolve, delayMs)).then(answer);
  };

  const controlApi = (request: MockRequest, path: string): MockResponse | Promise<MockResponse> => {
    const { method, headers } = request;
    const routePath = path.slice(CONTROL_PREFIX.length);
    if (method === 'OPTIONS') {
      const methods = control.methodsOf(routePath);
      if (methods === undefined) throw new NotFoundError('Not Found');
      return noContent(headers, { Allow: methods.join(', ') });
    }
    const route = control.match(method, routePath);
    if (route === undefined) throw new NotFoundError('Not Found');
    const body = method === 'POST' || method === 'PATCH' ? parseJsonBody(request) : undefined;
    const answer = answerOf(headers.origin);
    const done = route.run(body, answer.response);
    return done === undefined ? answer.result() : done.then(answer.result);
  };

  const route = (request: MockRequest): MockResponse | Promise<MockResponse> => {
    const { method, url, headers } = request;
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const isListRuns = LIST_RUNS_ROUTE.test(path);
    const isControl = !isListRuns && (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`));
    // The preflight before the URL limit: a browser sends the real request (and can read its 414) only
    // after a 2xx preflight, and it preflights every request carrying `x-api-key`.
    if (isPreflight(method, headers)) {
      return {
        status: 204,
        headers: preflightHeaders(headers, isControl ? CONTROL_METHODS : LIST_RUNS_METHODS),
        body: '',
      };
    }
    if (url.length > MAX_URL_LENGTH) {
      throw new UriTooLongError(`URI Too Long (over ${MAX_URL_LENGTH} characters)`);
    }
    checkApiKey?.(headers);
    if (isListRuns) return listRuns(request, path);
    if (isControl) return controlApi(request, path);
    throw new NotFoundError('Not Found');
  };

  const respond = (request: MockRequest): MockResponse | Promise<MockResponse> => {
    const started = logRequest === undefined ? 0 : performance.now();
    let answer: MockResponse | Promise<MockResponse>;
    try {
      answer = route(request);
    } catch (error) {
      answer = errorResponse(error, request.headers.origin, logError);
    }
    if (answer instanceof Promise) {
      answer = answer.catch((error: unknown) => errorResponse(error, request.headers.origin, logError));
      if (logRequest === undefined) return answer;
      return answer.then((response) => {
        logRequest(logLine(request, response.status, started));
        return response;
      });
    }
    if (logRequest !== undefined) logRequest(logLine(request, answer.status, started));
    return answer;
  };

  const handle = async (request: Request): Promise<Response> => {
    // Fetch runtimes (a service worker, MSW in a browser) may have no `require` to load Faker on first
    // use: load it before the first answer that may generate runs.
    await loadFaker();
    return handleFetchRequest(respond, request);
  };
  return { store, respond, handle };
}

/** A 204 with the base headers and `extra`. */
function noContent(headers: RequestHeaders, extra: Record<string, string>): MockResponse {
  return { status: 204, headers: { ...baseHeaders(headers.origin), ...extra }, body: '' };
}

/** A route's response writer and the answer it collected. */
function answerOf(origin: RequestHeaders[string]): { response: RouteResponse; result: () => MockResponse } {
  let status = 200;
  let body = '';
  let json = false;
  const response: RouteResponse = {
    status(code) {
      status = code;
      return response;
    },
    json(value) {
      body = JSON.stringify(value);
      json = true;
    },
    end() {
      body = '';
    },
  };
  return {
    response,
    result: () => {
      const headers = baseHeaders(origin);
      if (json) headers['Content-Type'] = JSON_CONTENT_TYPE;
      return { status, headers, body };
    },
  };
}

/** `GET /threads/…/runs?limit=5 200 1.4ms`: method, path and query, status, milliseconds. */
function logLine(request: MockRequest, status: number, started: number): string {
  return `${request.method} ${request.url} ${status} ${(performance.now() - started).toFixed(1)}ms`;
}

/** The pieces of a streamed body, with a failure logged before it aborts the answer. */
function* loggingFailures(
  pieces: Iterable<string>,
  logError: ErrorLogger,
): Generator<string, void, undefined> {
  try {
    yield* pieces;
  } catch (error) {
    logError(
      `Unexpected error while streaming a page: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    throw error;
  }
}
