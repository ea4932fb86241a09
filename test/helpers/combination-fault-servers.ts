import type { ServerResponse } from 'node:http';
import { NotFoundError, ValidationError } from '../../src/errors/domain-errors.js';
import { parseListRunsQuery } from '../../src/query/parse-list-runs-query.js';
import { selectFields } from '../../src/query/select-fields.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import type { Run } from '../../src/store/run.js';
import { listen, type BrokenServer } from './broken-servers.js';

/**
 * Faults that show only when a filter or a selection is combined with paging, one per server. Each
 * server answers every single-parameter query like the mock; the fault needs two parameters together
 * (or a limit past 25, or equal timestamps) to show.
 */
export const COMBINATION_FAULTS = [
  'page-then-filter',
  'offset-before-filter-for-small-limits',
  'select-drops-offset',
  'status-drops-offset',
  'status-drops-select',
  'limit-capped-at-25',
  'limit-as-end-index',
  'off-by-one-offset',
  'tie-order-depends-on-limit',
] as const;

/** One combination fault. */
export type CombinationFault = (typeof COMBINATION_FAULTS)[number];

/** A parsed request as the faulty servers page it. */
interface Page {
  readonly status: string | undefined;
  readonly offset: number;
  readonly limit: number;
}

const MAX = Number.MAX_SAFE_INTEGER;

/** The runs a faulty server lists from the thread's whole list `all` (newest first). */
function listWithFault(fault: CombinationFault, all: readonly Run[], page: Page, hasSelect: boolean): Run[] {
  const { status, offset, limit } = page;
  const filter = (runs: readonly Run[]): Run[] =>
    status === undefined ? [...runs] : runs.filter((run) => run.status === status);
  const right = (): Run[] => filter(all).slice(offset, offset + limit);
  switch (fault) {
    case 'page-then-filter':
      return filter(all.slice(offset, offset + limit));
    case 'offset-before-filter-for-small-limits':
      return limit < 5 ? filter(all.slice(offset)).slice(0, limit) : right();
    case 'select-drops-offset':
      return hasSelect ? filter(all).slice(0, limit) : right();
    case 'status-drops-offset':
      return status === undefined ? right() : filter(all).slice(0, limit);
    case 'limit-capped-at-25':
      return filter(all).slice(offset, offset + Math.min(limit, 25));
    case 'limit-as-end-index':
      return filter(all).slice(offset, limit);
    case 'off-by-one-offset': {
      // A first page is right; every later one starts a run too late.
      const start = offset > 0 ? offset + 1 : 0;
      return filter(all).slice(start, start + limit);
    }
    case 'tie-order-depends-on-limit': {
      // Small pages break ties the other way round: each pair of equal timestamps is swapped.
      const ordered = limit < 10 ? swapTiedPairs(all) : [...all];
      return filter(ordered).slice(offset, offset + limit);
    }
    case 'status-drops-select':
      return right();
  }
}

/** Gives every odd run the timestamp of the run before it: pairs of runs created at the same instant. */
function tiePairs(runs: readonly Run[]): Run[] {
  return runs.map((run, i) => {
    const previous = runs[i - 1];
    return i % 2 === 1 && previous !== undefined ? { ...run, created_at: previous.created_at } : run;
  });
}

function swapTiedPairs(runs: readonly Run[]): Run[] {
  const swapped = [...runs];
  for (let i = 0; i + 1 < swapped.length; i += 2) {
    const [a, b] = [swapped[i], swapped[i + 1]];
    if (a !== undefined && b !== undefined) [swapped[i], swapped[i + 1]] = [b, a];
  }
  return swapped;
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * Starts a List Runs server on 127.0.0.1 (a free port) with the mock's seeded data and validation and
 * the one `fault`; close it when done.
 *
 * @example
 * const server = await startCombinationFaultServer('page-then-filter');
 */
export function startCombinationFaultServer(fault: CombinationFault): Promise<BrokenServer> {
  const store = createSeededStore({ threads: 0 });
  return listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const threadId = /^\/threads\/([^/]+)\/runs\/?$/.exec(url.pathname)?.[1];
    if (threadId === undefined) {
      writeJson(response, 404, { detail: 'Not Found' });
      return;
    }
    try {
      const query = parseListRunsQuery(decodeURIComponent(threadId), url.searchParams);
      if (query.window.kind !== 'page') throw new Error('the contract parser gives pages only');
      const stored = store.listRuns({ threadId: query.threadId, offset: 0, limit: MAX, status: undefined });
      const all = fault === 'tie-order-depends-on-limit' ? tiePairs(stored) : stored;
      const runs = listWithFault(
        fault,
        all,
        { status: query.status, ...query.window },
        query.select !== undefined,
      );
      const { select } = query;
      const project =
        select !== undefined && !(fault === 'status-drops-select' && query.status !== undefined);
      writeJson(response, 200, project ? runs.map((run) => selectFields(run, select)) : runs);
    } catch (error) {
      if (error instanceof ValidationError) {
        writeJson(response, 422, { detail: error.message });
        return;
      }
      if (error instanceof NotFoundError) {
        writeJson(response, 404, { detail: error.message });
        return;
      }
      throw error;
    }
  });
}
