import { packageFileUrl } from '../files/package-file-url.js';

/**
 * Where the contract's source file lives, for tools that read the YAML themselves (Prism). The domain
 * uses the embedded copy.
 */
export const OPENAPI_DOCUMENT_URL = packageFileUrl('spec/openapi.yaml');
