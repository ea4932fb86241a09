import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createResponseValidators } from '../contract/response-validators.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { parseTimestamp } from '../store/parse-timestamp.js';
import type { Run } from '../store/run.js';
import { createCanonicalRunCheck, type CanonicalRunCheck } from './canonical-run-check.js';
import { findDeepJson, MAX_JSON_DEPTH } from './find-deep-json.js';

/** One thing wrong with a run: the field's path inside the run (`status`, `metadata.a`; '' for the run) and what. */
export interface RunProblem {
  readonly field: string;
  readonly message: string;
}

/** Options of `validateRun`. */
export interface ValidateRunOptions {
  /**
   * Render the run's JSON before accepting it, so nothing is stored that cannot be served (default
   * true). A fixture file's runs may skip it: values fresh from `JSON.parse`, depth-checked, always
   * render, and rendering 100,000 runs once more would double the load.
   */
  readonly render?: boolean;
}

/** A run as the store keeps it, or everything wrong with the input. */
export type RunValidation =
  { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly problems: readonly RunProblem[] };

const JSON_FIELDS = ['metadata', 'kwargs'] as const;
const TIMESTAMP_FIELDS = ['created_at', 'updated_at'] as const;
const UUID_FIELDS = ['run_id', 'thread_id', 'assistant_id'] as const;

let validateRuns: ValidateFunction | undefined;
/** Built on first use; null when the spec's `Run` schema is beyond the exact check (Ajv then checks all). */
let isCanonicalRun: CanonicalRunCheck | null | undefined;

/**
 * The one check every run passes on its way into the store, whichever way it comes (the control API,
 * a fixture file): a JSON object with the spec's `Run` fields and no others; `metadata` and `kwargs`
 * nested at most `MAX_JSON_DEPTH` levels; valid against the spec's `Run` schema; timestamps RFC 3339
 * with an offset in years 1–9999, no leap second, `updated_at` not before `created_at`; and JSON text
 * that renders. An accepted run is normalised to what the server writes: fields in the schema's order,
 * timestamps in UTC with microseconds and `+00:00`, UUIDs in lower case.
 *
 * @example
 * const result = validateRun(JSON.parse(text));
 * if (!result.ok) console.log(result.problems);
 */
export function validateRun(value: unknown, options: ValidateRunOptions = {}): RunValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failed([{ field: '', message: 'must be a JSON object' }]);
  }
  const given = value as Record<string, unknown>;
  // A run already as the server writes it (every run of an exported fixture file) passes the schema and
  // comes out of normalising unchanged: the exact test for that form stands in for both (Ajv is not even
  // loaded when every run passes it), leaving only the depth check, which the form says nothing of.
  isCanonicalRun ??= createCanonicalRunCheck(getListRunsContract()) ?? null;
  if (isCanonicalRun?.(given) === true && !JSON_FIELDS.some((field) => isTooDeep(given[field]))) {
    return rendered(given, options);
  }
  const { runFields } = getListRunsContract();
  const keys = Object.keys(given);
  const problems: RunProblem[] = [];
  for (const field of keys) {
    if (!runFields.includes(field)) {
      problems.push({ field, message: `is not a field of a Run (expected: ${runFields.join(', ')})` });
    }
  }
  // Before the schema: a validator (like any recursive walk) can overflow the stack on deep values.
  for (const field of JSON_FIELDS) {
    const at = findDeepJson(given[field], MAX_JSON_DEPTH);
    if (at !== undefined) {
      problems.push({ field, message: `nests deeper than ${MAX_JSON_DEPTH} levels (at ${field}.${at})` });
    }
  }
  if (problems.some((problem) => (JSON_FIELDS as readonly string[]).includes(problem.field))) {
    return failed(problems);
  }
  validateRuns ??= runsValidator();
  // Checked as a one-run List Runs body, so the rules are exactly the spec's 200 response schema.
  if (!validateRuns([given])) return failed([...problems, ...(validateRuns.errors ?? []).map(schemaProblem)]);

  const normalised: Record<string, unknown> = {};
  for (const field of runFields) normalised[field] = given[field];
  const micros: Partial<Record<(typeof TIMESTAMP_FIELDS)[number], number>> = {};
  for (const field of TIMESTAMP_FIELDS) {
    const parsed = parseTimestamp(given[field] as string);
    if (typeof parsed === 'string') {
      problems.push({ field, message: parsed });
    } else {
      normalised[field] = parsed.text;
      micros[field] = parsed.micros;
    }
  }
  const { created_at: created, updated_at: updated } = micros;
  const createdText = normalised['created_at'] as string;
  if (created !== undefined && updated !== undefined) {
    if (updated < created || (updated === created && (normalised['updated_at'] as string) < createdText)) {
      problems.push({ field: 'updated_at', message: `must not be before created_at (${createdText})` });
    }
  }
  for (const field of UUID_FIELDS) normalised[field] = (given[field] as string).toLowerCase();
  if (problems.length > 0) return failed(problems);
  // Already as the server writes it (an exported fixture file is): keep the object rather than a copy.
  const unchanged =
    keys.length === runFields.length &&
    runFields.every((field, i) => keys[i] === field && normalised[field] === given[field]);
  return rendered(unchanged ? given : normalised, options);
}

/** The accepted run, once its JSON renders (unless the caller skips that). */
function rendered(run: Record<string, unknown>, options: ValidateRunOptions): RunValidation {
  if (options.render !== false) {
    try {
      JSON.stringify(run);
    } catch (error) {
      return failed([{ field: '', message: `cannot be rendered as JSON (${(error as Error).message})` }]);
    }
  }
  return { ok: true, run: run as unknown as Run };
}

function isTooDeep(value: unknown): boolean {
  return findDeepJson(value, MAX_JSON_DEPTH) !== undefined;
}

function failed(problems: readonly RunProblem[]): RunValidation {
  return { ok: false, problems };
}

function runsValidator(): ValidateFunction {
  const validate = createResponseValidators().forStatus('200');
  if (validate === undefined) throw new Error('spec: List Runs declares no 200 response body');
  return validate;
}

/** An Ajv error on `[run]` as a problem at the run's field: `/0/status` → `status`. */
function schemaProblem(error: ErrorObject): RunProblem {
  const segments = error.instancePath.split('/').slice(2).map(decodePointerSegment);
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    segments.push(String((error.params as { missingProperty?: unknown }).missingProperty));
    message = 'is required';
  }
  const allowed = (error.params as { allowedValues?: unknown }).allowedValues;
  if (Array.isArray(allowed)) message += ` (${allowed.map(String).join(', ')})`;
  return { field: segments.join('.'), message };
}

function decodePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}
