import type { RequestHandler } from 'express';
import { queryParserFor, type Profile } from '../query/profile.js';
import { resolveRunWindow } from '../query/resolve-run-window.js';
import { selectFields } from '../query/select-fields.js';
import type { RunStore } from '../store/run-store.js';
import { serializeRuns } from './serialize-runs.js';

/**
 * Matches `/threads/{thread_id}/runs` with no capture group on purpose: Express would percent-decode a
 * captured parameter and answer 400 on a malformed escape, while the real server (Starlette) routes it
 * and rejects the id with 422. The id is taken from the path and decoded leniently instead.
 */
export const LIST_RUNS_ROUTE = /^\/threads\/[^/]+\/runs\/?$/;

/** `GET /threads/{thread_id}/runs`: parse (under the profile's rules), ask the store, project, serialise. */
export function listRunsHandler(store: RunStore, profile: Profile = 'contract'): RequestHandler {
  const parse = queryParserFor(profile);
  return (request, response) => {
    const query = parse(threadIdOf(request.path), searchParamsOf(request.url));
    const { window, threadId, status } = query;
    const page =
      window.kind === 'page' ? window : resolveRunWindow(window, store.countRuns(threadId, status));
    const runs = store.listRuns({ threadId, status, ...page });
    const { select } = query;
    const body =
      select === undefined
        ? serializeRuns(runs, false)
        : serializeRuns(
            runs.map((run) => selectFields(run, select)),
            true,
          );
    // Written directly rather than through res.json: the text is ready, and Express's extra pass over it
    // (charset negotiation, ETag, a second length count) showed as a tenth of the time under load.
    response.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    response.end(body);
  };
}

function threadIdOf(path: string): string {
  const segment = path.split('/')[2] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not a UUID either way; the parser rejects it with 422
  }
}

function searchParamsOf(url: string): URLSearchParams {
  const start = url.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : url.slice(start + 1));
}
