/**
 * Matches `/threads/{thread_id}/runs` with no capture group on purpose: a router would percent-decode a
 * captured parameter and answer 400 on a malformed escape, while the real server (Starlette) routes it
 * and rejects the id with 422. The id is taken from the path and decoded leniently instead.
 */
export const LIST_RUNS_ROUTE = /^\/threads\/[^/]+\/runs\/?$/;

/** The thread id segment of a List Runs path, percent-decoded when it can be. */
export function threadIdOf(path: string): string {
  const segment = path.split('/')[2] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not a UUID either way; the parser rejects it with 422
  }
}
