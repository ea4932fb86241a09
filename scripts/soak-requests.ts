import { getListRunsContract } from '../src/openapi/list-runs-contract.js';
import { loadDatasetDefinition } from '../src/fixtures/load-dataset-definition.js';

/** One request of the soak's rotation and the statuses it may get. */
export interface SoakRequest {
  readonly method: 'GET' | 'POST' | 'OPTIONS';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Any other status is counted as unexpected. */
  readonly expected: readonly number[];
}

/** A well-formed id no dataset has: every read of it is a 404. */
const UNKNOWN_THREAD = '6f1c1a5e-0b8e-4c4f-9a51-3f0a4c8e2d10';

/**
 * The requests a soak sends in turn, about two thirds valid: pages, deep offsets on the 10,000-run
 * thread, every status filter, selects, empty and single-run threads, one random thread, control API reads
 * and a CORS preflight; then the everyday mistakes: unknown threads and paths (404), bad ids, limits,
 * statuses and selects (422), a POST (405). `randomThreadId` is a thread of the running mock outside the
 * scenarios.
 */
export function soakRequests(randomThreadId: string): SoakRequest[] {
  const contract = getListRunsContract();
  const id = scenarioIds();
  const runs = (threadId: string, query = ''): string => `/threads/${threadId}/runs${query}`;
  const ok = (path: string): SoakRequest => ({ method: 'GET', path, expected: [200] });
  const invalid = (path: string, status: number): SoakRequest => ({
    method: 'GET',
    path,
    expected: [status],
  });
  return [
    ok(runs(id.allStatuses)),
    ok(runs(id.allStatuses, '?limit=3')),
    ok(runs(id.allStatuses, '?limit=10&offset=10')),
    ok(runs(id.allStatuses, '?limit=10&offset=30')),
    ...contract.statusFilterValues.map((status) => ok(runs(id.allStatuses, `?status=${status}`))),
    ok(runs(id.allStatuses, '?select=run_id&select=status&select=created_at')),
    ok(runs(id.allStatuses, '?status=success&limit=5&select=run_id&select=updated_at')),
    ok(runs(id.allStatuses.toUpperCase(), '?limit=2')),
    ok(runs(id.allStatuses, '?limit=0')),
    ok(runs(id.allStatuses, '?offset=1000')),
    ok(runs(id.long)),
    ok(runs(id.long, '?limit=20&offset=5000')),
    ok(runs(id.long, '?limit=50&offset=9990')),
    ok(runs(id.long, '?status=error&limit=25&offset=400')),
    ok(runs(id.busy, '?status=pending')),
    ok(runs(id.empty)),
    ok(runs(id.singleRun)),
    ok(runs(randomThreadId, '?limit=5')),
    ok('/__mock/threads'),
    ok(`/__mock/threads/${id.busy}`),
    {
      method: 'OPTIONS',
      path: runs(id.allStatuses),
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
      expected: [204],
    },
    invalid(runs(UNKNOWN_THREAD), 404),
    invalid('/threads', 404),
    invalid(`/__mock/threads/${UNKNOWN_THREAD}`, 404),
    invalid(runs('not-a-uuid'), 422),
    invalid(runs(id.allStatuses, '?limit=abc'), 422),
    invalid(runs(id.allStatuses, '?offset=-1'), 422),
    invalid(runs(id.allStatuses, '?limit=1&limit=2'), 422),
    invalid(runs(id.allStatuses, '?status=running'), 422),
    invalid(runs(id.allStatuses, '?select=bogus'), 422),
    invalid(runs(id.allStatuses, '?select=run_id,status'), 422),
    { method: 'POST', path: runs(id.allStatuses), body: '{}', expected: [405] },
  ];
}

function scenarioIds(): Record<'empty' | 'singleRun' | 'allStatuses' | 'busy' | 'long', string> {
  const { scenarios } = loadDatasetDefinition();
  const idOf = (name: string): string => {
    const scenario = scenarios.find((candidate) => candidate.name === name);
    if (scenario === undefined) throw new Error(`fixtures/dataset.json has no scenario '${name}'`);
    return scenario.threadId;
  };
  return {
    empty: idOf('empty'),
    singleRun: idOf('single-run'),
    allStatuses: idOf('all-statuses'),
    busy: idOf('busy'),
    long: idOf('long'),
  };
}
