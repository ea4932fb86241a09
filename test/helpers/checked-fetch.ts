import { expect } from 'vitest';
import { checkResponse } from '../../src/contract/check-response.js';

/** A response read whole. */
export interface CheckedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly body: unknown;
}

/**
 * `fetch` for tests: reads the whole response and, for a GET or HEAD of List Runs, checks it against the
 * contract; a violation fails the test that made the request, so no response in the suite escapes it.
 */
export async function checkedFetch(url: string, init?: RequestInit): Promise<CheckedResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  const method = (init?.method ?? 'GET').toUpperCase();
  if ((method === 'GET' || method === 'HEAD') && isListRunsUrl(url)) {
    const violations = checkResponse({
      request: { method, url },
      status: response.status,
      headers: response.headers,
      body: text,
    });
    expect(violations, `contract violations for ${method} ${url}`).toEqual([]);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** URLs the List Runs contract covers (other paths are the mock's own behaviour). */
function isListRunsUrl(url: string): boolean {
  return /^\/threads\/[^/]+\/runs\/?$/.test(new URL(url).pathname);
}
