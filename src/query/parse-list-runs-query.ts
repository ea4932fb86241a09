import { ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { isUuid } from '../openapi/uuid-format.js';
import type { ListRunsQuery } from './list-runs-query.js';
import { parseSelect } from './parse-select.js';
import { pythonListRepr, pythonRepr } from './python-repr.js';

const NON_NEGATIVE_INTEGER = /^[0-9]+$/;

/**
 * Validates a List Runs request against the contract, checking in the order the Agent Server does:
 * thread_id, limit, offset, status, select (the thread's existence is the store's concern, after this).
 * Unknown query parameters are ignored. Throws `ValidationError` with a detail that names the parameter
 * and the offending value.
 *
 * @example
 * parseListRunsQuery(threadId, new URLSearchParams('limit=5&select=run_id&select=status'));
 */
export function parseListRunsQuery(threadId: string, params: URLSearchParams): ListRunsQuery {
  const contract = getListRunsContract();
  if (!isUuid(threadId)) throw new ValidationError('Invalid thread ID: must be a UUID');
  const limit = parseCount(params, 'limit', contract.defaultLimit);
  const offset = parseCount(params, 'offset', contract.defaultOffset);
  const status = parseStatus(params, contract.statusFilterValues);
  const select = parseSelect(params, contract.selectableFields, contract.runFields);
  return { threadId, window: { kind: 'page', offset, limit }, status, select };
}

function parseCount(params: URLSearchParams, name: string, fallback: number): number {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  if (values.length > 1) {
    throw new ValidationError(
      `Invalid ${name}: expected a single value, got ${values.length}: ${pythonListRepr(values)}`,
    );
  }
  const [value = ''] = values;
  if (!NON_NEGATIVE_INTEGER.test(value)) {
    throw new ValidationError(`Invalid ${name}: ${pythonRepr(value)} is not a non-negative integer`);
  }
  // No upper cap, as on the real server; beyond 2^53 a count means "all of them" anyway.
  return Math.min(Number(value), Number.MAX_SAFE_INTEGER);
}

function parseStatus(params: URLSearchParams, allowed: readonly string[]): string | undefined {
  const values = params.getAll('status');
  if (values.length === 0) return undefined;
  const expected = `Expected one of: ${allowed.join(', ')}`;
  if (values.length > 1) {
    throw new ValidationError(
      `Invalid status: expected a single value, got ${values.length}: ${pythonListRepr(values)}. ${expected}`,
    );
  }
  const [value = ''] = values;
  if (!allowed.includes(value))
    throw new ValidationError(`Invalid status: ${pythonRepr(value)}. ${expected}`);
  return value;
}
