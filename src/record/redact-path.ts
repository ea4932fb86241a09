import { getListRunsContract } from '../openapi/list-runs-contract.js';

/** A parsed `--redact` path: field names from the run down, `*` for any key or array item. */
export type RedactPath = readonly string[];

/** Fields the replay orders, filters and finds runs by; a placeholder there would break it. */
const KEPT_FIELDS = ['run_id', 'thread_id', 'created_at', 'updated_at', 'status'];

/** A `--redact` value that cannot be used; the CLI shows the message. */
export class RedactPathError extends Error {
  override readonly name = 'RedactPathError';
}

/**
 * Parses a `--redact` path such as `kwargs.input` or `metadata.*.email`: dot-separated names starting at
 * a `Run` field, `*` matching any key or item. Throws `RedactPathError` for an empty segment, a field
 * `Run` does not have, or a field the replay needs.
 */
export function parseRedactPath(text: string): RedactPath {
  const segments = text.split('.');
  if (segments.some((segment) => segment === '')) {
    throw new RedactPathError(`--redact must be a dotted path such as kwargs.input, got '${text}'`);
  }
  const [field = ''] = segments;
  const { runFields } = getListRunsContract();
  if (!runFields.includes(field)) {
    throw new RedactPathError(
      `--redact must start with a Run field (${runFields.join(', ')}), got '${text}'`,
    );
  }
  if (KEPT_FIELDS.includes(field)) {
    throw new RedactPathError(
      `--redact cannot hide ${field}: the replay orders, filters and finds runs by ${KEPT_FIELDS.join(', ')}`,
    );
  }
  return segments;
}

/** The placeholder for a redacted value: the same JSON type, no content. */
export function placeholderFor(value: unknown): unknown {
  if (typeof value === 'string') return '[redacted]';
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return value;
}

/**
 * A copy of `run` with the value at every path replaced by its placeholder; paths that lead nowhere in
 * this run change nothing. The input is left as it is.
 */
export function redactRun(
  run: Readonly<Record<string, unknown>>,
  paths: readonly RedactPath[],
): Record<string, unknown> {
  let copy: unknown = run;
  for (const path of paths) copy = redactAt(copy, path);
  return copy as Record<string, unknown>;
}

function redactAt(value: unknown, path: RedactPath): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return placeholderFor(value);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    if (head === '*') return items.map((item) => redactAt(item, rest));
    const index = /^\d+$/.test(head) ? Number(head) : -1;
    if (index < 0 || index >= items.length) return items;
    return items.map((item, i) => (i === index ? redactAt(item, rest) : item));
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const keys = head === '*' ? Object.keys(object) : Object.hasOwn(object, head) ? [head] : [];
  if (keys.length === 0) return value;
  // fromEntries defines keys as data, so a run's own `__proto__` key stays a key.
  return Object.fromEntries(
    Object.entries(object).map(([key, item]) => [key, keys.includes(key) ? redactAt(item, rest) : item]),
  );
}
