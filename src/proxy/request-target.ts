import {
  request as httpRequest,
  type Agent,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { classifyTargetError, TargetError } from './target-error.js';

/** How long the target may stay silent by default before the client gets a 504. */
export const DEFAULT_TARGET_TIMEOUT_MS = 30_000;

/** A whole answer of the target. */
export interface TargetAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Options of `requestTarget`. */
export interface TargetRequestOptions {
  readonly headers?: OutgoingHttpHeaders;
  /** The longest the target may stay silent, in milliseconds. */
  readonly timeoutMs: number;
  readonly agent?: Agent;
}

/**
 * GETs `url` and reads the whole answer as text. Rejects with a `TargetError` (never hangs): nobody
 * listening, an answer that is not HTTP, or silence for longer than `timeoutMs`.
 */
export function requestTarget(url: URL, options: TargetRequestOptions): Promise<TargetAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, {
      method: 'GET',
      headers: options.headers,
      ...(options.agent === undefined ? {} : { agent: options.agent }),
    });
    request.setTimeout(options.timeoutMs, () => {
      request.destroy(
        new TargetError('timeout', `target ${url.origin} did not answer within ${options.timeoutMs} ms`),
      );
    });
    request.on('error', (error) => {
      reject(classifyTargetError(error, url));
    });
    request.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', (error) => {
        reject(classifyTargetError(error, url));
      });
      answer.on('end', () => {
        resolve({
          status: answer.statusCode ?? 0,
          headers: answer.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    request.end();
  });
}

/**
 * Fails unless `target` answers HTTP: anything at all, even a 404, shows a server is there. What
 * `proxy` and `record` check before they start, so a wrong `--target` is a one-line error, not a
 * stream of 502s.
 */
export async function probeTarget(target: URL, timeoutMs: number): Promise<void> {
  await requestTarget(target, { timeoutMs });
}
