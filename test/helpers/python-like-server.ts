import type { ServerResponse } from 'node:http';
import { NotFoundError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import type { Run } from '../../src/store/run.js';
import { listen, type BrokenServer } from './broken-servers.js';

/** What Python's `int()` accepts from a string: surrounding space, a sign, digits with single underscores. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** The forms Python's `uuid.UUID` reads: hex with or without hyphens, in braces, with a `urn:uuid:` prefix. */
const PYTHON_UUID =
  /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** A rejected request: the status and detail the Python server answers it with. */
class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Python's repr of a string, as its error messages quote values. */
function repr(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** The last value of a repeated parameter, as Starlette's `request.query_params[name]` gives it. */
function last(params: URLSearchParams, name: string): string | undefined {
  return params.getAll(name).at(-1);
}

function pythonInt(params: URLSearchParams, name: string, fallback: number): number {
  const value = last(params, name);
  if (value === undefined) return fallback;
  if (!PYTHON_INT.test(value)) {
    throw new Rejection(400, `invalid literal for int() with base 10: ${repr(value)}`);
  }
  return Number(value.replaceAll('_', '').trim());
}

/** Python's `runs[start:stop]`: negative indexes count from the end, both ends clamped. */
function pythonSlice(runs: readonly Run[], start: number, stop: number): Run[] {
  const clamp = (index: number): number =>
    Math.min(Math.max(index < 0 ? runs.length + index : index, 0), runs.length);
  return runs.slice(clamp(start), clamp(stop));
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * Starts a server (127.0.0.1, a free port) that answers List Runs as the real Python Agent Server does,
 * after the README's "Known differences" table, written independently of the mock's agent-server
 * profile: `int()` parsing with a 400 for a non-integer, negative values as Python slices, `status` not
 * validated (an exact match), the last repeated value wins, `select` honoured and validated, newest first.
 */
export function startPythonLikeServer(): Promise<BrokenServer> {
  const store = createSeededStore({ threads: 0 });
  const contract = getListRunsContract();
  return listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const segment = /^\/threads\/([^/]+)\/runs\/?$/.exec(url.pathname)?.[1];
    if (segment === undefined) {
      writeJson(response, 404, { detail: 'Not Found' });
      return;
    }
    try {
      const uuid = PYTHON_UUID.exec(decodeURIComponent(segment));
      if (uuid === null) throw new Rejection(422, 'Invalid thread ID: must be a UUID');
      const threadId = uuid.slice(1).join('-').toLowerCase();
      const limit = pythonInt(url.searchParams, 'limit', contract.defaultLimit);
      const offset = pythonInt(url.searchParams, 'offset', contract.defaultOffset);
      const select = url.searchParams.getAll('select');
      const unknown = select.filter((field) => !contract.selectableFields.includes(field));
      if (unknown.length > 0)
        throw new Rejection(422, `Invalid select columns: ${unknown.map(repr).join(', ')}`);
      const status = last(url.searchParams, 'status');
      const all = store.listRuns({ threadId, offset: 0, limit: Number.MAX_SAFE_INTEGER, status: undefined });
      const filtered = status === undefined ? all : all.filter((run) => run.status === status);
      const page = pythonSlice(filtered, offset, offset + limit);
      const fields = contract.runFields.filter((field) => select.includes(field)) as (keyof Run)[];
      const body =
        select.length === 0
          ? page
          : page.map((run) => Object.fromEntries(fields.map((field) => [field, run[field]])));
      writeJson(response, 200, body);
    } catch (error) {
      if (error instanceof Rejection) {
        writeJson(response, error.status, { detail: error.detail });
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
