import { queryParserFor, type Profile } from '../query/profile.js';
import { resolveRunWindow } from '../query/resolve-run-window.js';
import { selectFields } from '../query/select-fields.js';
import type { RunStore } from '../store/run-store.js';
import { serializeRuns } from './serialize-runs.js';

/**
 * Matches `/threads/{thread_id}/runs` with no capture group on purpose: a router would percent-decode a
 * captured parameter and answer 400 on a malformed escape, while the real server (Starlette) routes it
 * and rejects the id with 422. The id is taken from the path and decoded leniently instead.
 */
export const LIST_RUNS_ROUTE = /^\/threads\/[^/]+\/runs\/?$/;

/**
 * The List Runs answer body for a request path and URL, or a thrown domain error: parse (under the
 * profile's rules), ask the store, project, serialise.
 */
export function listRunsRenderer(store: RunStore, profile: Profile): (path: string, url: string) => string {
  const parse = queryParserFor(profile);
  return (path, url) => {
    const query = parse(threadIdOf(path), searchParamsOf(url));
    const { window, threadId, status, select } = query;
    const page =
      window.kind === 'page' ? window : resolveRunWindow(window, store.countRuns(threadId, status));
    const runs = store.listRuns({ threadId, status, ...page });
    return select === undefined
      ? serializeRuns(runs, false)
      : serializeRuns(
          runs.map((run) => selectFields(run, select)),
          true,
        );
  };
}

/** The thread id segment of a List Runs path, percent-decoded when it can be. */
export function threadIdOf(path: string): string {
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
