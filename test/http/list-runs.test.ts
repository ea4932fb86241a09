import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import type { Run } from '../../src/store/run.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';
import { startMockServer, type TestServer } from '../helpers/start-mock-server.js';

const contract = getListRunsContract();
const ALL_STATUSES = scenarioThreadId('all-statuses');
const EMPTY = scenarioThreadId('empty');
const SINGLE = scenarioThreadId('single-run');
const LONG = scenarioThreadId('long');
const runsOf = (thread: string): string => `/threads/${thread}/runs`;

let server: TestServer;
let everyRun: readonly Run[];

async function runs(path: string): Promise<Run[]> {
  const response = await server.request(path);
  expect(response.status, response.text).toBe(200);
  return response.body as Run[];
}

async function detailOf(path: string, status: number): Promise<string> {
  const response = await server.request(path);
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = response.body as { detail: string };
  expect(Object.keys(body)).toEqual(['detail']);
  return body.detail;
}

beforeAll(async () => {
  server = await startMockServer({ seed: 5 });
  everyRun = await runs(`${runsOf(ALL_STATUSES)}?limit=1000`);
});
afterAll(() => server.close());

describe('GET /threads/{thread_id}/runs', () => {
  it('returns the 10 newest runs of the thread when no query is given', async () => {
    const page = await runs(runsOf(ALL_STATUSES));
    expect(page).toHaveLength(contract.defaultLimit);
    expect(page).toEqual(everyRun.slice(0, 10));
    expect(everyRun.length).toBeGreaterThan(10);
  });

  it('orders runs by created_at descending, then run_id descending, a strict total order', () => {
    // Timestamps share one format and offset, so string order is time order.
    for (let i = 1; i < everyRun.length; i++) {
      const newer = everyRun[i - 1] as Run;
      const older = everyRun[i] as Run;
      const inOrder =
        newer.created_at > older.created_at ||
        (newer.created_at === older.created_at && newer.run_id > older.run_id);
      expect(inOrder, `${newer.run_id} before ${older.run_id}`).toBe(true);
    }
  });

  it.each([1, 3, 7, 40])('returns at most limit=%i runs', async (limit) => {
    expect(await runs(`${runsOf(ALL_STATUSES)}?limit=${limit}`)).toEqual(everyRun.slice(0, limit));
  });

  it('returns [] for limit=0', async () => {
    expect(await runs(`${runsOf(ALL_STATUSES)}?limit=0`)).toEqual([]);
  });

  it('has no upper cap on limit', async () => {
    const all = await runs(`${runsOf(LONG)}?limit=100000&select=run_id`);
    expect(all).toHaveLength(10_000);
  });

  it('skips the offset newest runs and pages without gaps or duplicates', async () => {
    for (const size of [1, 3, 7]) {
      const walked: Run[] = [];
      for (let offset = 0; offset < everyRun.length; offset += size) {
        walked.push(...(await runs(`${runsOf(ALL_STATUSES)}?limit=${size}&offset=${offset}`)));
      }
      expect(walked).toEqual(everyRun);
    }
  });

  it('returns [] for an offset past the end', async () => {
    expect(await runs(`${runsOf(ALL_STATUSES)}?offset=${everyRun.length}`)).toEqual([]);
    expect(await runs(`${runsOf(ALL_STATUSES)}?offset=99999999999999999999`)).toEqual([]);
  });

  it.each(contract.statusFilterValues.map((status) => [status]))(
    'filters by status=%s, and pages over the filtered list',
    async (status) => {
      const expected = everyRun.filter((run) => run.status === status);
      expect(expected.length).toBeGreaterThanOrEqual(3);
      expect(await runs(`${runsOf(ALL_STATUSES)}?status=${status}&limit=1000`)).toEqual(expected);
      expect(await runs(`${runsOf(ALL_STATUSES)}?status=${status}&limit=2&offset=1`)).toEqual(
        expected.slice(1, 3),
      );
    },
  );

  it('returns exactly the selected fields, in schema order, from repeated select keys', async () => {
    const page = await runs(`${runsOf(ALL_STATUSES)}?select=status&select=run_id&select=created_at`);
    expect(page).toHaveLength(10);
    page.forEach((run, i) => {
      expect(Object.keys(run)).toEqual(['run_id', 'created_at', 'status']);
      const full = everyRun[i] as Run;
      expect(run).toEqual({ run_id: full.run_id, created_at: full.created_at, status: full.status });
    });
  });

  it('collapses duplicate select values', async () => {
    const page = await runs(`${runsOf(ALL_STATUSES)}?select=run_id&select=run_id&limit=2`);
    expect(page.map((run) => Object.keys(run))).toEqual([['run_id'], ['run_id']]);
  });

  it('returns every field, in schema order, without select', () => {
    expect(Object.keys(everyRun[0] as Run)).toEqual(contract.runFields);
  });

  it('combines status, limit, offset and select', async () => {
    const errors = everyRun.filter((run) => run.status === 'error');
    const page = await runs(`${runsOf(ALL_STATUSES)}?status=error&offset=1&limit=2&select=run_id`);
    expect(page).toEqual(errors.slice(1, 3).map((run) => ({ run_id: run.run_id })));
  });

  it.each([['not-a-uuid'], ['12345'], ['00000000-0000-4000-8000-00000000000g'], ['%ZZ']])(
    'answers 422 for the non-UUID thread id %s',
    async (id) => {
      expect(await detailOf(`/threads/${id}/runs`, 422)).toBe('Invalid thread ID: must be a UUID');
    },
  );

  it('answers 404 for a valid UUID that names no thread, quoting the id as sent', async () => {
    const id = '0F0E0D0C-0000-4000-8000-0000000000AB';
    expect(await detailOf(runsOf(id), 404)).toBe(`Thread with ID ${id} not found`);
  });

  it('answers 200 [] for a thread with no runs, and for a filter no run matches', async () => {
    expect(await runs(runsOf(EMPTY))).toEqual([]);
    expect(await runs(`${runsOf(SINGLE)}?status=pending`)).toEqual([]);
  });

  it.each([
    ['limit', 'abc'],
    ['limit', '1.5'],
    ['limit', '-1'],
    ['limit', ''],
    ['offset', 'abc'],
    ['offset', '1.5'],
    ['offset', '-1'],
    ['offset', ''],
  ])('answers 422 naming %s and the value for %s=%j', async (name, value) => {
    const detail = await detailOf(`${runsOf(ALL_STATUSES)}?${name}=${value}`, 422);
    expect(detail).toContain(name);
    expect(detail).toContain(`'${value}'`);
  });

  it.each(['limit', 'offset'])('answers 422 when %s is given twice', async (name) => {
    const detail = await detailOf(`${runsOf(ALL_STATUSES)}?${name}=1&${name}=2`, 422);
    expect(detail).toContain(name);
    expect(detail).toContain("'1', '2'");
  });

  it.each([['running'], ['SUCCESS'], ['done'], ['']])(
    'answers 422 listing the allowed values for status=%j',
    async (status) => {
      const detail = await detailOf(`${runsOf(ALL_STATUSES)}?status=${status}`, 422);
      for (const allowed of contract.statusFilterValues) expect(detail).toContain(allowed);
      expect(detail).toContain(`'${status}'`);
    },
  );

  it.each([
    ['an unknown field', 'foo', "['foo']"],
    ['an empty value', '', "['']"],
    ['comma-joined fields', 'run_id,status', "['run_id,status']"],
    ['a JSON array string', '["run_id"]', `['["run_id"]']`],
  ])('answers 422 for a select of %s', async (_name, value, quoted) => {
    const detail = await detailOf(`${runsOf(ALL_STATUSES)}?select=${encodeURIComponent(value)}`, 422);
    expect(detail).toBe(
      `Invalid select columns: ${quoted}. Expected: [${contract.selectableFields.map((f) => `'${f}'`).join(', ')}]`,
    );
  });

  it('ignores unknown query parameters', async () => {
    const response = await server.request(`${runsOf(ALL_STATUSES)}?limit=3&foo=bar&order=asc&sort_by=x`);
    expect(response.body).toEqual(everyRun.slice(0, 3));
  });

  it.each([
    ['thread_id before limit', '/threads/nope/runs?limit=x', 'Invalid thread ID'],
    ['limit before offset', `${runsOf(ALL_STATUSES)}?offset=x&limit=y`, 'Invalid limit'],
    ['offset before status', `${runsOf(ALL_STATUSES)}?status=x&offset=y`, 'Invalid offset'],
    ['status before select', `${runsOf(ALL_STATUSES)}?select=x&status=y`, 'Invalid status'],
    [
      'validation before existence',
      `/threads/00000000-0000-4000-8000-0000000000ff/runs?select=x`,
      'Invalid select columns',
    ],
  ])('reports the first problem when several are present: %s', async (_name, path, start) => {
    expect(await detailOf(path, 422)).toMatch(new RegExp(`^${start}`));
  });

  it('matches an upper-case UUID to the same thread', async () => {
    expect(await runs(`${runsOf(ALL_STATUSES.toUpperCase())}?limit=1000`)).toEqual(everyRun);
  });
});
