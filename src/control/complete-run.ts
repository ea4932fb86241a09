import { ValidationError } from '../errors/domain-errors.js';
import type { Run } from '../store/run.js';
import { validateRun } from './validate-run.js';

/**
 * Merges a partial run (JSON from the control API) onto a generated draft and passes the result through
 * `validateRun`, the check every run takes into the store, returning it normalised. Only the fields given
 * are the caller's; the rest come from the draft, kept coherent with them (`updated_at` follows a given
 * `created_at`; `kwargs.config.configurable` names the final run, thread and assistant). Throws
 * `ValidationError` naming `where` and the field.
 *
 * @example
 * completeRun(store.draftRun(threadId), { status: 'error' }, 'runs[0]');
 */
export function completeRun(draft: Run, partial: unknown, where: string): Run {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new ValidationError(`${where}: a run must be a JSON object`);
  }
  const given = partial as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...draft, ...given };
  if ('created_at' in given && !('updated_at' in given)) merged['updated_at'] = given['created_at'];
  if (!('kwargs' in given)) merged['kwargs'] = withConfigurable(draft, merged);
  const result = validateRun(merged);
  if (!result.ok) {
    const [first] = result.problems;
    const field = first?.field ?? '';
    throw new ValidationError(
      `${where}${field === '' ? '' : `.${field}`}: ${first?.message ?? 'is invalid'}`,
    );
  }
  return result.run;
}

function withConfigurable(draft: Run, merged: Record<string, unknown>): Record<string, unknown> {
  const config = (draft.kwargs['config'] ?? {}) as Record<string, unknown>;
  const configurable = (config['configurable'] ?? {}) as Record<string, unknown>;
  const lowerCase = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);
  return {
    ...draft.kwargs,
    config: {
      ...config,
      configurable: {
        ...configurable,
        run_id: lowerCase(merged['run_id']),
        thread_id: lowerCase(merged['thread_id']),
        assistant_id: lowerCase(merged['assistant_id']),
      },
    },
  };
}
