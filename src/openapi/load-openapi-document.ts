import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Where the contract lives; the same relative path works from `src/` (tests) and `dist/` (the CLI). */
export const OPENAPI_DOCUMENT_URL = new URL('../../spec/openapi.yaml', import.meta.url);

let cached: unknown;

/**
 * Parses `spec/openapi.yaml` once per process and returns the raw document.
 * Callers narrow what they need (see `getListRunsContract`); nothing else reads the file.
 */
export function loadOpenApiDocument(): unknown {
  cached ??= parse(readFileSync(OPENAPI_DOCUMENT_URL, 'utf8')) as unknown;
  return cached;
}
