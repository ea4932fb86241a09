import { ValidationError } from '../errors/domain-errors.js';
import type { RunField } from '../store/run.js';
import { pythonListRepr } from './python-repr.js';

/**
 * Validates every `select` value against the spec's enum and returns the fields deduplicated, in the
 * schema's order; undefined when `select` is absent. Both query profiles share it: they reject the same
 * columns with the same detail.
 *
 * @example
 * const params = new URLSearchParams('select=status&select=run_id');
 * parseSelect(params, contract.selectableFields, contract.runFields); // ['run_id', 'status']
 */
export function parseSelect(
  params: URLSearchParams,
  allowed: readonly string[],
  schemaOrder: readonly string[],
): readonly RunField[] | undefined {
  const values = params.getAll('select');
  if (values.length === 0) return undefined;
  const invalid = values.filter((value) => !allowed.includes(value));
  if (invalid.length > 0) {
    throw new ValidationError(
      `Invalid select columns: ${pythonListRepr(invalid)}. Expected: ${pythonListRepr(allowed)}`,
    );
  }
  // Every allowed value is a Run property (checked by a test against the spec), so the cast holds.
  return schemaOrder.filter((field) => values.includes(field)) as RunField[];
}
