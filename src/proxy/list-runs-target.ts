import { isUuid } from '../openapi/uuid-format.js';

// `/threads/{thread_id}/runs`, with the trailing slash some clients add.
const LIST_RUNS_PATH = /^\/threads\/([^/?]+)\/runs\/?(?:\?|$)/;

/**
 * The thread a request lists the runs of, when it is a List Runs request (GET or HEAD on
 * `/threads/{thread_id}/runs`): the percent-decoded path segment, or undefined for any other request.
 */
export function listRunsThreadOf(method: string, url: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const segment = LIST_RUNS_PATH.exec(url)?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The thread's key in a recording: its id in lower case, or undefined when it is not a UUID. */
export function recordedThreadKey(threadSegment: string): string | undefined {
  return isUuid(threadSegment) ? threadSegment.toLowerCase() : undefined;
}
