import type { ErrorObject } from 'ajv';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { createResponseValidators, type ResponseValidators } from './response-validators.js';
import type { Violation } from './violation.js';

/** One request and the response a server gave it, as the contract checks see them. */
export interface Exchange {
  readonly request: { readonly method?: string; readonly url: string };
  readonly status: number;
  /** Response headers; only `content-type` is read. */
  readonly headers: Headers | Readonly<Record<string, string | undefined>>;
  /** The raw response body text. */
  readonly body: string;
}

/** A response checker with its compiled validators. */
export type ResponseChecker = (exchange: Exchange) => Violation[];

/**
 * Builds a checker for List Runs responses: the status must be one the operation declares, the body JSON
 * with a JSON content type, and valid for that status: `Run[]` for 200 (or, when the request has
 * `select`, exactly the selected fields), `ErrorResponse` for 404 and 422. Violations are returned, never
 * thrown: a bad response is a finding, not a crash.
 *
 * @example
 * const check = createResponseChecker();
 * const violations = check({ request: { url }, status: res.status, headers: res.headers, body: await res.text() });
 */
export function createResponseChecker(
  validators: ResponseValidators = createResponseValidators(),
): ResponseChecker {
  const contract = getListRunsContract();
  return (exchange) => {
    const status = String(exchange.status);
    if (!contract.declaredStatuses.includes(status)) {
      return [
        {
          kind: 'undeclared-status',
          message: `status ${status} is not declared for GET /threads/{thread_id}/runs (declared: ${contract.declaredStatuses.join(', ')})`,
        },
      ];
    }
    if ((exchange.request.method ?? 'GET').toUpperCase() === 'HEAD') return [];
    const violations: Violation[] = [];
    const contentType = headerOf(exchange.headers, 'content-type');
    if (contentType === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
      violations.push({
        kind: 'content-type',
        message: `content-type is ${contentType === undefined ? 'missing' : `'${contentType}'`}, expected application/json`,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      violations.push({ kind: 'invalid-json', message: `body is not JSON: ${excerpt(exchange.body)}` });
      return violations;
    }
    const select = selectionOf(exchange.request.url);
    const validate =
      status === '200' && select.length > 0 ? validators.forSelection(select) : validators.forStatus(status);
    if (validate !== undefined && !validate(body)) {
      violations.push(...(validate.errors ?? []).map(toViolation));
    }
    return violations;
  };
}

let defaultChecker: ResponseChecker | undefined;

/** Checks one exchange against the List Runs contract with validators compiled once per process. */
export function checkResponse(exchange: Exchange): Violation[] {
  defaultChecker ??= createResponseChecker();
  return defaultChecker(exchange);
}

function toViolation(error: ErrorObject): Violation {
  const where = error.instancePath === '' ? 'body' : error.instancePath;
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const detail =
    params.additionalProperty !== undefined
      ? `: '${params.additionalProperty}'`
      : params.allowedValues !== undefined
        ? `: ${params.allowedValues.map(String).join(', ')}`
        : '';
  return {
    kind: 'body-schema',
    message: `${where} ${error.message ?? 'is invalid'}${detail}`,
    path: error.instancePath,
  };
}

function headerOf(headers: Exchange['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The valid `select` values of a request URL; invalid ones are the server's to reject with 422. */
function selectionOf(url: string): string[] {
  // Most requests select nothing; parsing their URL would be a tenth of a page check. (A '%' may hide an
  // encoded key, so such URLs are parsed.)
  if (!url.includes('select') && !url.includes('%')) return [];
  const allowed = getListRunsContract().selectableFields;
  return new URL(url, 'http://placeholder').searchParams
    .getAll('select')
    .filter((field) => allowed.includes(field));
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
