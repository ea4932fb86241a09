import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { NotFoundError, ValidationError } from '../../src/errors/domain-errors.js';
import { resolveRunWindow } from '../../src/query/resolve-run-window.js';
import type { ListRunsQuery } from '../../src/query/list-runs-query.js';
import { parseListRunsQuery } from '../../src/query/parse-list-runs-query.js';
import { selectFields } from '../../src/query/select-fields.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import type { RunStore } from '../../src/store/run-store.js';
import type { Run } from '../../src/store/run.js';
import { listenOnFreePort } from './listen-on-free-port.js';

/**
 * The faults a broken server can have, one per server. Each breaks exactly one behaviour of List Runs, so
 * the conformance check meant to catch it can be shown to fail while the rest of the answer stays right.
 */
export const FAULTS = [
  'ignores-offset',
  'off-by-one-paging',
  'oldest-first',
  'ignores-status',
  'ignores-select',
  'plain-text-errors',
  'empty-list-for-unknown-thread',
  '500-on-bad-input',
  'non-rfc3339-timestamp',
] as const;

/** One fault of a broken server. */
export type Fault = (typeof FAULTS)[number];

/** A listening broken server. */
export interface BrokenServer {
  /** Base URL, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  close(): Promise<void>;
}

/** An answer before it is written: status, content type and body text. */
interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const RUNS_PATH = /^\/threads\/([^/]+)\/runs\/?$/;

/**
 * Starts a List Runs server on 127.0.0.1 (a free port) that answers like the mock, with its own seeded
 * store, except for the one `fault`; close it when done.
 *
 * @example
 * const server = await startBrokenServer('ignores-offset');
 * const report = await runConformance({ baseUrl: server.url, threadId });
 * await server.close();
 */
export function startBrokenServer(fault: Fault): Promise<BrokenServer> {
  const store = createSeededStore({ threads: 0 });
  return listen((request, response) => {
    const answer = answerFor(fault, store, request.url ?? '/');
    response.writeHead(answer.status, { 'content-type': answer.contentType });
    response.end(answer.body);
  });
}

/**
 * Starts a server that answers like the mock, but for a request whose URL `cutShort` matches it sends the
 * headers and part of the body, then drops the connection: what a crashed worker or proxy does.
 */
export function startCutShortServer(cutShort: (url: string) => boolean): Promise<BrokenServer> {
  const store = createSeededStore({ threads: 0 });
  return listen((request, response) => {
    const url = request.url ?? '/';
    const answer = answerFor(undefined, store, url);
    const body = Buffer.from(answer.body);
    response.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': body.length });
    if (!cutShort(url)) {
      response.end(body);
      return;
    }
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => {
      response.destroy();
    });
  });
}

/** Listens with `handler` on 127.0.0.1, a free port; the other test servers beside this file share it. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<BrokenServer> {
  const server = createServer(handler);
  const port = await listenOnFreePort(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** The mock's answer to `url`, with `fault` injected (none when undefined). */
function answerFor(fault: Fault | undefined, store: RunStore, url: string): Answer {
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  // The raw query, as the mock reads it: repeated keys kept, nothing normalised.
  const params = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  const segment = RUNS_PATH.exec(path)?.[1];
  if (segment === undefined) return errorAnswer(fault, 404, 'Not Found');
  try {
    const query = parseListRunsQuery(decodeLeniently(segment), params);
    const runs = listRuns(fault, store, query).map((run) => brokenRun(fault, run));
    const { select } = query;
    const projected =
      select === undefined || fault === 'ignores-select'
        ? runs
        : runs.map((run) => selectFields(run, select));
    return jsonAnswer(200, projected);
  } catch (error) {
    if (error instanceof ValidationError) {
      return fault === '500-on-bad-input'
        ? jsonAnswer(500, { detail: 'Internal Server Error' })
        : errorAnswer(fault, 422, error.message);
    }
    if (error instanceof NotFoundError) {
      return fault === 'empty-list-for-unknown-thread'
        ? jsonAnswer(200, [])
        : errorAnswer(fault, 404, error.message);
    }
    throw error;
  }
}

/** The page the faulty server lists: the store's page, with the fault's paging, filter or order. */
function listRuns(fault: Fault | undefined, store: RunStore, parsed: ListRunsQuery): readonly Run[] {
  const query = { threadId: parsed.threadId, status: parsed.status, ...resolveRunWindow(parsed.window, 0) };
  switch (fault) {
    case 'ignores-offset':
      return store.listRuns({ ...query, offset: 0 });
    case 'off-by-one-paging':
      return store.listRuns({ ...query, offset: query.offset > 0 ? query.offset + 1 : 0 });
    case 'ignores-status':
      return store.listRuns({ ...query, status: undefined });
    case 'oldest-first': {
      // Paging stays consistent with itself: the whole (filtered) list is reversed, then paged.
      const all = store.listRuns({ ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER });
      return all.toReversed().slice(query.offset, query.offset + query.limit);
    }
    default:
      return store.listRuns(query);
  }
}

/** The run as the faulty server writes it; only `non-rfc3339-timestamp` changes a field. */
function brokenRun(fault: Fault | undefined, run: Run): Run {
  if (fault !== 'non-rfc3339-timestamp') return run;
  // `2025-09-15T19:26:57.584811+00:00` becomes `2025-09-15 19:26:57`: still sortable, not RFC 3339.
  return { ...run, created_at: run.created_at.slice(0, 19).replace('T', ' ') };
}

function errorAnswer(fault: Fault | undefined, status: number, detail: string): Answer {
  if (fault === 'plain-text-errors')
    return { status, contentType: 'text/plain; charset=utf-8', body: detail };
  return jsonAnswer(status, { detail });
}

function jsonAnswer(status: number, body: unknown): Answer {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}

function decodeLeniently(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not a UUID either way; the parser rejects it
  }
}
