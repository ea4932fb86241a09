import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Profile } from '../query/profile.js';
import type { RunStore } from '../store/run-store.js';
import { setCorsHeaders } from './cors.js';
import { MAX_URL_LENGTH } from './limit-url-length.js';
import { LIST_RUNS_ROUTE, listRunsRenderer, writeJson } from './list-runs-handler.js';

/**
 * Serves the common case of List Runs (a plain GET that succeeds) before Express, and hands every other
 * request, including every List Runs request that fails, to the app, which answers it in full.
 *
 * Why: under load the mock spent most of its time in Express's router and response helpers, not in
 * its own code; Prism's static mock answers a 303 B example where this answers ten runs (10.7 kB), and
 * only a path without Express clears the 1.5x throughput target against it. The answer is the one the
 * app gives: the same renderer, the same CORS and nosniff headers (a test compares both paths byte for
 * byte). Only servers without per-request options use it: an API key, a request log, latency, fault
 * injection and `Prefer` all need the app's middleware, so createMockServer does not install it then.
 */
export function listRunsFastPath(store: RunStore, profile: Profile, app: RequestListener): RequestListener {
  const render = listRunsRenderer(store, profile);
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    if (
      request.method !== 'GET' ||
      url.length > MAX_URL_LENGTH ||
      request.headers.prefer !== undefined ||
      !LIST_RUNS_ROUTE.test(path)
    ) {
      app(request, response);
      return;
    }
    let body: string;
    try {
      body = render(path, url);
    } catch {
      app(request, response); // the app maps the error to its status and {"detail"} in the one place
      return;
    }
    response.setHeader('X-Content-Type-Options', 'nosniff');
    setCorsHeaders(request.headers.origin, response);
    writeJson(response, body);
  };
}
