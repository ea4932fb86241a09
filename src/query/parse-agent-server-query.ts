import { BadRequestError, ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { ListRunsQuery, RunWindow } from './list-runs-query.js';
import { parsePythonInt } from './parse-python-int.js';
import { parsePythonUuid } from './parse-python-uuid.js';
import { parseSelect } from './parse-select.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Reads a List Runs request the way the real (Python) Agent Server does rather than as the contract says
 * (the `--profile agent-server` parser): limit and offset go through `int()` (a bad one is a 400 quoting
 * Python's ValueError), negative ones slice from the end, a repeated parameter keeps its last value,
 * status is not checked, and the thread id is anything `uuid.UUID()` reads. Checks run in the server's
 * order: thread_id, limit, offset, select; the thread's existence is the store's concern, after this.
 *
 * @example
 * const params = new URLSearchParams('limit=-2&status=running');
 * parseAgentServerQuery('{7A1B0C2D-0000-4000-8000-00000000000F}', params);
 * // threadId '7a1b0c2d-0000-4000-8000-00000000000f', window { kind: 'python-slice', start: 0, stop: -2 },
 * // status 'running', select undefined
 */
export function parseAgentServerQuery(threadId: string, params: URLSearchParams): ListRunsQuery {
  const contract = getListRunsContract();
  // The server holds a `UUID` from here on, so its 404 detail quotes the canonical lower-case id, not the
  // text the client sent; the query carries that form for the store's message.
  const canonicalId = parsePythonUuid(threadId);
  if (canonicalId === undefined) throw new ValidationError('Invalid thread ID: must be a UUID');
  const limit = parseInteger(params, 'limit', contract.defaultLimit);
  const offset = parseInteger(params, 'offset', contract.defaultOffset);
  const select = parseSelect(params, contract.selectableFields, contract.runFields);
  // Passed through unchecked: the server compares it with each run's status, so `running` finds running
  // runs and an unknown or wrongly cased value simply matches nothing.
  const status = lastValue(params, 'status');
  return { threadId: canonicalId, window: windowOf(offset, limit), status, select };
}

/** The last of repeated values, as Starlette's `query_params[name]` reads it (`URLSearchParams.get`: the first). */
function lastValue(params: URLSearchParams, name: string): string | undefined {
  return params.getAll(name).at(-1);
}

function parseInteger(params: URLSearchParams, name: string, fallback: number): bigint {
  const value = lastValue(params, name);
  if (value === undefined) return BigInt(fallback);
  const parsed = parsePythonInt(value, 10);
  // The server turns int()'s ValueError, whichever it is, into a 400 carrying its message.
  if ('valueError' in parsed) throw new BadRequestError(parsed.valueError);
  return parsed.value;
}

/**
 * The server returns `runs[offset:offset + limit]` of the newest-first list. With no negative value that is
 * an ordinary page; otherwise Python's slice rules apply. The sum is taken before clamping to safe numbers,
 * so that huge values that cancel out (offset 10**30, limit 5 - 10**30) stop where Python stops.
 */
function windowOf(offset: bigint, limit: bigint): RunWindow {
  if (offset >= 0n && limit >= 0n) return { kind: 'page', offset: toSafe(offset), limit: toSafe(limit) };
  return { kind: 'python-slice', start: toSafe(offset), stop: toSafe(offset + limit) };
}

/** Beyond ±2^53 an index lies past either end of any list the store holds, so clamping changes nothing. */
function toSafe(value: bigint): number {
  return Number(value > MAX ? MAX : value < -MAX ? -MAX : value);
}
