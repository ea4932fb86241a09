import type { Exchange } from '../contract/check-response.js';
import type { Violation } from '../contract/violation.js';

/** Answers remembered at most; the oldest is forgotten first. */
const MAX_ENTRIES = 512;
/** Bodies longer than this are checked every time: remembering them would cost more memory than time. */
const MAX_REMEMBERED_BODY = 64 * 1024;

/**
 * Wraps a contract check so that an exchange identical to a recent one (same method, URL, status,
 * content type and body) gets the same verdict without running the validators again. The check is a
 * pure function of those five, and a server asked the same page twice mostly answers the same bytes;
 * hashing the body costs a few microseconds, validating it tens.
 */
export function memoizeCheck(
  check: (exchange: Exchange) => Violation[],
): (exchange: Exchange) => Violation[] {
  const remembered = new Map<string, Violation[]>();
  return (exchange) => {
    if (exchange.body.length > MAX_REMEMBERED_BODY) return check(exchange);
    const contentType = contentTypeOf(exchange.headers);
    const key = `${exchange.request.method ?? 'GET'} ${exchange.request.url}\n${exchange.status}\n${contentType}\n${exchange.body}`;
    const known = remembered.get(key);
    if (known !== undefined) return known;
    const violations = check(exchange);
    if (remembered.size >= MAX_ENTRIES) {
      const oldest = remembered.keys().next();
      if (oldest.done !== true) remembered.delete(oldest.value);
    }
    remembered.set(key, violations);
    return violations;
  };
}

function contentTypeOf(headers: Exchange['headers']): string {
  if (headers instanceof Headers) return headers.get('content-type') ?? '';
  return headers['content-type'] ?? '';
}
