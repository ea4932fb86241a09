import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

/** Where the contract lives; the same relative path works from `src/` (tests) and `dist/` (the CLI). */
export const OPENAPI_DOCUMENT_URL = new URL('../../spec/openapi.yaml', import.meta.url);

let cached: unknown;

/**
 * Parses `spec/openapi.yaml` once per process and returns the raw document.
 * Callers narrow what they need (see `getListRunsContract`); nothing else reads the file.
 */
export function loadOpenApiDocument(): unknown {
  cached ??= load(readFileSync(OPENAPI_DOCUMENT_URL, 'utf8'));
  return cached;
}
