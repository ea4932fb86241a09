import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkResponse } from '../contract/check-response.js';
import type { Violation } from '../contract/violation.js';
import type { ProxyOptions } from './create-proxy-server.js';
import { decodeContent } from './decode-content.js';
import { endToEndHeaders, rawHeaderValue } from './hop-by-hop-headers.js';
import { sendDetail } from './send-detail.js';
import { VerdictCache } from './verdict-cache.js';
import type { ViolationLog } from './violation-log.js';

/** A List Runs request as the proxy forwarded it. */
export interface ListRunsExchange {
  readonly method: string;
  /** Path and query, as the client sent them. */
  readonly url: string;
  /** The thread path segment, percent-decoded. */
  readonly thread: string;
}

/** Reads the target's whole answer to a List Runs request, checks it, and answers the client. */
export type ListRunsAnswerer = (
  exchange: ListRunsExchange,
  answer: IncomingMessage,
  response: ServerResponse,
) => void;

/**
 * The proxy's handling of a List Runs answer: read it whole, check it with `checkResponse` against the
 * request's own `select` (remembering the verdict for a repeated answer), log and list each violation,
 * hand it to the recording, and answer the client: the target's answer unchanged, or under `strict` a 502
 * in place of one that breaks the contract. Without `strict` the client is answered before the check.
 */
export function createListRunsAnswerer(
  options: Pick<ProxyOptions, 'strict' | 'onViolation' | 'onListRunsAnswer'>,
  violations: ViolationLog,
): ListRunsAnswerer {
  const verdicts = new VerdictCache();
  return (exchange, answer, response) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('error', () => response.destroy());
    answer.on('end', () => {
      // A page mostly arrives in one chunk: no copy then.
      const bytes = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
      const status = answer.statusCode ?? 502;
      const contentType = rawHeaderValue(answer.rawHeaders, 'content-type');
      let text: string | undefined;
      // Decoded at most once, and only when the check or the recording needs the text.
      const body = (): string =>
        (text ??= decodeContent(bytes, rawHeaderValue(answer.rawHeaders, 'content-encoding')) ?? '');
      // Head and body go out in one write: the length is known, the body is whole. An answer to HEAD has
      // no body, and its length is the GET answer's, as the target gave it.
      const headers = endToEndHeaders(
        answer.rawHeaders,
        exchange.method === 'HEAD' ? {} : { 'content-length': String(bytes.length) },
      );
      const check = (): Violation[] => {
        const checked = { method: exchange.method, url: exchange.url, status, contentType, bytes };
        let found = verdicts.recall(checked);
        if (found === undefined) {
          found = checkResponse({
            request: { method: exchange.method, url: exchange.url },
            status,
            headers: { 'content-type': contentType },
            body: body(),
          });
          verdicts.remember(checked, found);
        }
        if (found.length > 0) {
          const at = new Date().toISOString();
          for (const violation of found) {
            const observed = { at, method: exchange.method, url: exchange.url, status, ...violation };
            violations.add(observed);
            options.onViolation?.(observed);
          }
        }
        options.onListRunsAnswer?.({ thread: exchange.thread, status, body: body() });
        return found;
      };
      if (options.strict !== true) {
        // Not strict: the client need not wait for the check.
        response.writeHead(status, answer.statusMessage, headers).end(bytes);
        check();
        return;
      }
      const found = check();
      if (found.length === 0) {
        response.writeHead(status, answer.statusMessage, headers).end(bytes);
        return;
      }
      const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
      sendDetail(
        response,
        502,
        `the target's answer breaks the List Runs contract: ${found[0]?.kind ?? ''}: ${found[0]?.message ?? ''}${more}`,
      );
    });
  };
}
