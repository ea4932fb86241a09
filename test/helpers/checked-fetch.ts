import { expect } from 'vitest';
import { checkResponse, type Exchange } from '../../src/contract/check-response.js';
import { crossCheck } from '../../src/contract/cross-check.js';
import { sharedPrismValidator } from './shared-prism-validator.js';

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
 * contract with Ajv (`checkResponse`) and has Prism judge it too; a violation, a Prism finding the
 * `select` rule does not explain, or a disagreement between the two fails the test that made the
 * request, so no response in the suite escapes either validator.
 */
export async function checkedFetch(url: string, init?: RequestInit): Promise<CheckedResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  const method = (init?.method ?? 'GET').toUpperCase();
  if ((method === 'GET' || method === 'HEAD') && isListRunsUrl(url)) {
    const exchange: Exchange = {
      request: { method, url },
      status: response.status,
      headers: response.headers,
      body: text,
    };
    const violations = checkResponse(exchange);
    expect(violations, `contract violations for ${method} ${url}`).toEqual([]);
    const verdict = crossCheck(exchange, violations, (await sharedPrismValidator()).validate(exchange));
    expect(
      { unexplained: verdict.unexplainedPrismFindings, disagreements: verdict.disagreements },
      `Prism cross-check for ${method} ${url}`,
    ).toEqual({ unexplained: [], disagreements: [] });
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
