import type { ListRunsContract } from '../openapi/list-runs-contract.js';
import { isCanonicalTimestamp } from '../store/parse-timestamp.js';

/** True when a value is a run exactly as the server stores it: valid, and normalising would change nothing. */
export type CanonicalRunCheck = (run: Readonly<Record<string, unknown>>) => boolean;

// The server's form of a `format: uuid` value: the 8-4-4-4-12 form in lower case.
const LOWER_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Keywords that only annotate a property; any other keyword in the Run schema turns the check off.
const ANNOTATIONS = new Set(['title', 'description']);

type FieldCheck = (value: unknown) => boolean;

/**
 * Builds, from the spec's `Run` schema, the exact test for a run already in the server's form: the
 * schema's fields in its order and no others, UUIDs in lower case, timestamps in UTC with six fraction
 * digits, `updated_at` not before `created_at`, every enum and type as the schema says. Such a run is
 * one that `validateRun`'s Ajv check accepts and its normalising leaves unchanged, so it may skip both:
 * every run of an exported fixture file is one. Undefined when the schema uses a keyword this reading
 * does not cover (the caller then validates every run with Ajv), so a spec change cannot make the two
 * verdicts differ.
 *
 * @example
 * const isCanonical = createCanonicalRunCheck(getListRunsContract());
 * isCanonical?.(store.listRuns({ threadId, limit: 1, offset: 0 })[0]); // true
 */
export function createCanonicalRunCheck(contract: ListRunsContract): CanonicalRunCheck | undefined {
  const run = contract.schemas['Run'];
  if (run === undefined || !listsRuns(contract.responseSchemas['200'])) return undefined;
  const { properties, required, type, ...rest } = run;
  if (type !== 'object' || !isRecord(properties) || !onlyAnnotations(rest)) return undefined;
  const fields = Object.keys(properties);
  // A field the schema does not require may be absent; the form demands every field, so both must agree.
  if (!Array.isArray(required) || required.length !== fields.length) return undefined;
  if (!fields.every((field) => required.includes(field))) return undefined;
  const checks: FieldCheck[] = [];
  const timestamps: string[] = [];
  for (const field of fields) {
    const check = fieldCheck(properties[field]);
    if (check === undefined) return undefined;
    checks.push(check);
    if (isRecord(properties[field]) && properties[field]['format'] === 'date-time') timestamps.push(field);
  }
  // Two timestamps in the server's form sort as their instants do: their text order is their time order.
  const [created, updated] = timestamps;
  if (timestamps.length !== 2 || created !== 'created_at' || updated !== 'updated_at') return undefined;

  return (value) => {
    let index = 0;
    for (const key in value) {
      if (key !== fields[index] || !Object.hasOwn(value, key)) return false;
      if (!(checks[index] as FieldCheck)(value[key])) return false;
      index++;
    }
    return index === fields.length && (value[updated] as string) >= (value[created] as string);
  };
}

/** The check of one property in its stored form, or undefined for a schema this reading does not cover. */
function fieldCheck(schema: unknown): FieldCheck | undefined {
  if (!isRecord(schema)) return undefined;
  const { type, format, enum: allowed, ...rest } = schema;
  if (!onlyAnnotations(rest)) return undefined;
  if (type === 'object') {
    if (format !== undefined || allowed !== undefined) return undefined;
    return (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  if (type !== 'string') return undefined;
  if (allowed !== undefined) {
    if (format !== undefined || !Array.isArray(allowed)) return undefined;
    if (!allowed.every((item) => typeof item === 'string')) return undefined;
    const values = new Set<unknown>(allowed);
    return (value) => values.has(value);
  }
  if (format === 'uuid') return (value) => typeof value === 'string' && LOWER_CASE_UUID.test(value);
  if (format === 'date-time') return (value) => typeof value === 'string' && isCanonicalTimestamp(value);
  if (format !== undefined) return undefined;
  return (value) => typeof value === 'string';
}

/** Whether the 200 body is an array of `Run` and nothing more: the check reads one run, not the body. */
function listsRuns(body: unknown): boolean {
  if (!isRecord(body)) return false;
  const { type, items, ...rest } = body;
  return (
    type === 'array' &&
    onlyAnnotations(rest) &&
    isRecord(items) &&
    Object.keys(items).length === 1 &&
    items['$ref'] === '#/components/schemas/Run'
  );
}

function onlyAnnotations(schema: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword));
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
