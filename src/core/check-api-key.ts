import { ForbiddenError } from '../errors/domain-errors.js';
import type { RequestHeaders } from './mock-request.js';

/**
 * A check that `x-api-key` equals `key`, as a deployed Agent Server requires; throws `ForbiddenError`
 * otherwise. CORS preflights never reach it: browsers send no credentials on them. The comparison takes
 * the same time wherever the first difference is, so the key cannot be guessed a character at a time.
 */
export function createApiKeyCheck(key: string): (headers: RequestHeaders) => void {
  return (headers) => {
    const given = headers['x-api-key'];
    const actual = typeof given === 'string' ? given : '';
    let difference = actual.length ^ key.length;
    for (let i = 0; i < key.length; i++) {
      difference |= (actual.charCodeAt(i) || 0) ^ key.charCodeAt(i);
    }
    if (difference !== 0) {
      throw new ForbiddenError(given === undefined ? 'Missing x-api-key header' : 'Invalid API key');
    }
  };
}
