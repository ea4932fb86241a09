import { checkResponse } from '../contract/check-response.js';
import type { Violation } from '../contract/violation.js';
import { headerText } from '../proxy/hop-by-hop-headers.js';
import { requestTarget } from '../proxy/request-target.js';
import type { RunRecorder } from './run-recorder.js';

/** Runs per page while recording: the most List Runs gives in one answer is far more, but pages stay small. */
export const RECORD_PAGE_SIZE = 100;

/** Options of `recordThreads`. */
export interface RecordThreadsOptions {
  readonly target: URL;
  readonly threadIds: readonly string[];
  readonly recorder: RunRecorder;
  /** Sent as `x-api-key`; never written anywhere. */
  readonly apiKey?: string | undefined;
  /** How long the target may stay silent per page, in milliseconds. */
  readonly timeoutMs: number;
  /** Told once per thread, when its list is recorded. */
  readonly onThread?: (progress: ThreadProgress) => void;
  /** Told of each way a page breaks the contract (the runs are recorded as they came all the same). */
  readonly onViolation?: (url: string, violation: Violation) => void;
}

/** A recorded thread: its id, how many runs, in how many pages. */
export interface ThreadProgress {
  readonly threadId: string;
  readonly runs: number;
  readonly pages: number;
}

/** The target answered a page with something other than runs (a 404 for an unknown thread, a 500). */
export class RecordPageError extends Error {
  override readonly name = 'RecordPageError';
}

/**
 * Pages through each thread's whole list, `RECORD_PAGE_SIZE` runs at a time, newest first, into the
 * recorder; each page is checked against the contract on the way. Stops a thread at its first short
 * page, or at a page with no run not seen before (a server that ignores `offset` must not loop forever).
 * Rejects with `TargetError` when the target fails, `RecordPageError` when it answers with an error.
 */
export async function recordThreads(options: RecordThreadsOptions): Promise<void> {
  const prefix = options.target.pathname.replace(/\/$/, '');
  const headers = options.apiKey === undefined ? {} : { 'x-api-key': options.apiKey };
  for (const threadId of options.threadIds) {
    let offset = 0;
    let pages = 0;
    let runs = 0;
    for (;;) {
      const path = `${prefix}/threads/${encodeURIComponent(threadId)}/runs?limit=${RECORD_PAGE_SIZE}&offset=${offset}`;
      const answer = await requestTarget(new URL(path, options.target), {
        headers,
        timeoutMs: options.timeoutMs,
      });
      pages++;
      const violations = checkResponse({
        request: { method: 'GET', url: path },
        status: answer.status,
        headers: { 'content-type': headerText(answer.headers['content-type']) },
        body: answer.body,
      });
      for (const violation of violations) options.onViolation?.(path, violation);
      const page = runsOf(answer.status, answer.body);
      if (page === undefined) {
        throw new RecordPageError(
          `thread ${threadId}: the target answered ${answer.status}: ${excerpt(answer.body)}`,
        );
      }
      const added = options.recorder.observe(threadId.toLowerCase(), page);
      runs += added;
      offset += page.length;
      if (page.length < RECORD_PAGE_SIZE || added === 0) break;
    }
    options.onThread?.({ threadId, runs, pages });
  }
}

/** The runs of a 200 answer, or undefined when the answer is not a JSON array. */
function runsOf(status: number, body: string): unknown[] | undefined {
  if (status !== 200) return undefined;
  try {
    const json: unknown = JSON.parse(body);
    return Array.isArray(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
