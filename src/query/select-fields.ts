import type { ProjectedRun, Run, RunField } from '../store/run.js';

/**
 * Projects a run onto the selected fields, in the order given (the parser puts them in schema order).
 *
 * @example
 * selectFields(run, ['run_id', 'status']); // { run_id: '…', status: 'success' }
 */
export function selectFields(run: Run, fields: readonly RunField[]): ProjectedRun {
  const projected: Partial<Record<RunField, unknown>> = {};
  for (const field of fields) projected[field] = run[field];
  return projected as ProjectedRun;
}
