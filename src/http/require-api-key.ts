import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../errors/domain-errors.js';

/**
 * Requires `x-api-key` to equal `key`, as a deployed Agent Server does; CORS preflights (answered
 * earlier) need none, since browsers never send credentials on them. Compared in constant time.
 */
export function requireApiKey(key: string): RequestHandler {
  const expected = Buffer.from(key);
  return (request, _response, next) => {
    const given = request.headers['x-api-key'];
    const actual = Buffer.from(typeof given === 'string' ? given : '');
    const matches = actual.length === expected.length && timingSafeEqual(actual, expected);
    next(
      matches
        ? undefined
        : new ForbiddenError(given === undefined ? 'Missing x-api-key header' : 'Invalid API key'),
    );
  };
}
