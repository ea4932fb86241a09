import type { CheckFailure } from '../check-result.js';
import { notAListFailure, type CheckContext, type WireRun } from '../conformance-check.js';

/** A list fetched for a check: the runs, or why there are none. */
export type ListResult =
  | { readonly ok: true; readonly url: string; readonly runs: readonly WireRun[] }
  | { readonly ok: false; readonly failure: CheckFailure };

/** GETs the runs of `threadId` with `query` and expects a 200 JSON array. */
export async function fetchRuns(context: CheckContext, threadId: string, query = ''): Promise<ListResult> {
  const response = await context.probe.get(context.runsPath(threadId, query));
  const failure = notAListFailure(response);
  if (failure !== undefined) return { ok: false, failure };
  return { ok: true, url: response.url, runs: response.json as WireRun[] };
}
