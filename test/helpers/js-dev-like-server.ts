import type { ServerResponse } from 'node:http';
import { NotFoundError } from '../../src/errors/domain-errors.js';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { listen, type BrokenServer } from './broken-servers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NON_NEGATIVE_INTEGER = /^\d+$/;

/** A validation failure as a zod-validated JS server reports it: 400 and its own body, no `detail`. */
class ZodLikeError extends Error {}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * Starts a server (127.0.0.1, a free port) with the five deviations found in the LangGraph JS dev server
 * (`@langchain/langgraph-cli` 1.5.1): oldest first, `limit` used as an end index (`slice(offset, limit)`),
 * `select` ignored, a 400 with a zod-style body instead of 422 `{detail}`, and a text/plain 404.
 */
export function startJsDevLikeServer(): Promise<BrokenServer> {
  const store = createSeededStore({ threads: 0 });
  const contract = getListRunsContract();
  return listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const segment = /^\/threads\/([^/]+)\/runs\/?$/.exec(url.pathname)?.[1];
    try {
      if (segment === undefined) throw new NotFoundError('Not Found');
      const threadId = decodeURIComponent(segment);
      const number = (name: string, fallback: number): number => {
        const value = url.searchParams.get(name);
        if (value === null) return fallback;
        if (!NON_NEGATIVE_INTEGER.test(value))
          throw new ZodLikeError(`${name}: Expected number, received ${value}`);
        return Number(value);
      };
      if (!UUID.test(threadId)) throw new ZodLikeError('thread_id: Invalid uuid');
      const limit = number('limit', contract.defaultLimit);
      const offset = number('offset', contract.defaultOffset);
      const status = url.searchParams.get('status') ?? undefined;
      if (status !== undefined && !contract.statusFilterValues.includes(status)) {
        throw new ZodLikeError(`status: Invalid enum value, received '${status}'`);
      }
      const all = store.listRuns({ threadId, offset: 0, limit: Number.MAX_SAFE_INTEGER, status });
      writeJson(response, 200, all.toReversed().slice(offset, limit));
    } catch (error) {
      if (error instanceof ZodLikeError) {
        writeJson(response, 400, {
          success: false,
          error: { name: 'ZodError', issues: [{ message: error.message }] },
        });
        return;
      }
      if (error instanceof NotFoundError) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=UTF-8' });
        response.end('Thread not found');
        return;
      }
      throw error;
    }
  });
}
