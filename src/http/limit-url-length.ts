import type { RequestHandler } from 'express';
import { UriTooLongError } from '../errors/domain-errors.js';

/** The longest request target the mock reads; a List Runs URL with every parameter is far shorter. */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Answers over-long request targets with a JSON 414 before any parsing. (Beyond Node's 16 KB header
 * limit the request never reaches Express; `handleClientErrors` answers those with a JSON 431.)
 */
export function limitUrlLength(): RequestHandler {
  return (request, _response, next) => {
    next(
      request.url.length > MAX_URL_LENGTH
        ? new UriTooLongError(`URI Too Long (over ${MAX_URL_LENGTH} characters)`)
        : undefined,
    );
  };
}
