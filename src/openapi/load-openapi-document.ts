import { OPENAPI_DOCUMENT_DATA } from './openapi-document-data.js';

/**
 * The raw `spec/openapi.yaml` document, embedded at build time (no file read, so it works in a browser).
 * Callers narrow what they need (see `getListRunsContract`); nothing else reads the spec.
 */
export function loadOpenApiDocument(): unknown {
  return OPENAPI_DOCUMENT_DATA;
}
