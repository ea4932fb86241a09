import type { RequestHandler } from 'express';

/**
 * One line per request once its answer is sent (or the client went away): method, path and query,
 * status, milliseconds. `GET /threads/…/runs?limit=5 200 1.4ms`
 */
export function logRequests(log: (line: string) => void): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    response.once('close', () => {
      const ms = (performance.now() - started).toFixed(1);
      const status = response.writableFinished ? String(response.statusCode) : 'aborted';
      log(`${request.method} ${request.originalUrl} ${status} ${ms}ms`);
    });
    next();
  };
}
