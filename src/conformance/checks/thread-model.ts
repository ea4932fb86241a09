import type { CheckFailure } from '../check-result.js';
import type { CheckContext, WireRun } from '../conformance-check.js';
import { fetchRuns } from './list-request.js';

/** The most runs the model holds; a longer thread is modelled by its first runs only. */
export const MODEL_SIZE = 500;

/** The thread's complete list as the server itself gives it, read once. */
export interface ThreadModel {
  readonly runs: readonly WireRun[];
  /** False when the thread is longer than `MODEL_SIZE`: only the first runs are known. */
  readonly complete: boolean;
  /** The largest page the server returns, when it returns fewer runs than asked although more follow. */
  readonly limitCap: number | undefined;
  /** The requests that read it. */
  readonly urls: readonly string[];
}

/**
 * Reads the thread's list with a limit larger than the thread (up to `MODEL_SIZE`). When the server
 * answers with fewer runs than asked and yet the next offset has more, it caps `limit`: the model is then
 * walked page by page and the cap is reported. A walk whose next page repeats runs already read means
 * the server ignores `offset`; the first page is then the model.
 */
export async function readThreadModel(context: CheckContext): Promise<ThreadModel | CheckFailure> {
  const runs: WireRun[] = [];
  const urls: string[] = [];
  let limitCap: number | undefined;
  const seen = new Set<unknown>();
  while (runs.length < MODEL_SIZE) {
    const page = await fetchRuns(context, context.threadId, `limit=${MODEL_SIZE}&offset=${runs.length}`);
    if (!page.ok) return page.failure;
    urls.push(page.url);
    if (page.runs.length === 0) break;
    if (runs.length > 0 && page.runs.some((run) => seen.has(run['run_id']))) break;
    if (runs.length > 0) limitCap ??= runs.length;
    for (const run of page.runs) seen.add(run['run_id']);
    runs.push(...page.runs);
    if (page.runs.length >= MODEL_SIZE) break;
  }
  // A cap shows only once a second page is read: a first page that is short with no second one is the
  // whole thread.
  const complete = runs.length < MODEL_SIZE;
  return { runs: runs.slice(0, MODEL_SIZE), complete, limitCap, urls };
}
