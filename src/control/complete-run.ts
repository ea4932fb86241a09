import { ValidationError } from '../errors/domain-errors.js';
import { createResponseValidators, type ResponseValidators } from '../contract/response-validators.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { Run } from '../store/run.js';
import { parseMicros } from '../store/thread-runs.js';

let validators: ResponseValidators | undefined;

/**
 * Merges a partial run (JSON from the control API or a fixture) onto a generated draft and validates the
 * result against the spec's Run schema. Only the fields given are the caller's; the rest come from the
 * draft, kept coherent with them (`updated_at` follows a given `created_at`; `kwargs.config.configurable`
 * names the final run, thread and assistant). Throws `ValidationError` naming `where` and the field.
 *
 * @example
 * completeRun(store.draftRun(threadId), { status: 'error' }, 'runs[0]');
 */
export function completeRun(draft: Run, partial: unknown, where: string): Run {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new ValidationError(`${where}: a run must be a JSON object`);
  }
  const { runFields } = getListRunsContract();
  const given = partial as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !runFields.includes(key));
  if (unknown.length > 0) {
    throw new ValidationError(
      `${where}: unknown field '${unknown.join("', '")}'. Expected: ${runFields.join(', ')}`,
    );
  }
  const merged: Record<string, unknown> = { ...draft, ...given };
  if ('created_at' in given && !('updated_at' in given)) merged['updated_at'] = given['created_at'];
  if (!('kwargs' in given)) merged['kwargs'] = withConfigurable(draft, merged);

  validators ??= createResponseValidators();
  const validate = validators.forStatus('200');
  if (validate !== undefined && !validate([merged])) {
    const [first] = validate.errors ?? [];
    const field = first?.instancePath.replace(/^\/0\/?/, '').replaceAll('/', '.') ?? '';
    const allowed = (first?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
    throw new ValidationError(
      `${where}${field === '' ? '' : `.${field}`}: ${first?.message ?? 'is invalid'}${allowed === undefined ? '' : ` (${allowed.map(String).join(', ')})`}`,
    );
  }
  const run = merged as unknown as Run;
  if (parseMicros(run.updated_at) < parseMicros(run.created_at)) {
    throw new ValidationError(`${where}.updated_at: must not be before created_at`);
  }
  return run;
}

function withConfigurable(draft: Run, merged: Record<string, unknown>): Record<string, unknown> {
  const config = (draft.kwargs['config'] ?? {}) as Record<string, unknown>;
  const configurable = (config['configurable'] ?? {}) as Record<string, unknown>;
  return {
    ...draft.kwargs,
    config: {
      ...config,
      configurable: {
        ...configurable,
        run_id: merged['run_id'],
        thread_id: merged['thread_id'],
        assistant_id: merged['assistant_id'],
      },
    },
  };
}
