/**
 * Where the contract's source file lives, for tools that read the YAML themselves (Prism); the same
 * relative path works from `src/` (tests) and `dist/` (the CLI). The domain uses the embedded copy.
 */
export const OPENAPI_DOCUMENT_URL = new URL('../../spec/openapi.yaml', import.meta.url);
