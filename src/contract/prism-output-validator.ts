// The one adapter around Prism: its fp-ts `Either`, its numeric severities and its `IHttpOperation` stop
// here; callers see plain `PrismFinding` values.
//
// Both imports reach into `dist/` on purpose. `validateOutput` (the response validator Prism's proxy mode
// runs) is not re-exported from the package root, and the root entry also loads the mocker and the
// forwarder, which we never call: faker 10 and http-proxy-agent 9, ESM-only packages that Prism's CommonJS
// `require`s (needs Node >= 20.19) and that triple the load time (about 1 s instead of 0.3 s). The version
// is pinned exactly in package.json, so these paths cannot move under us.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations.js';
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js';
import { fileURLToPath } from 'node:url';
import { LIST_RUNS_PATH } from '../openapi/list-runs-contract.js';
import { OPENAPI_DOCUMENT_URL } from '../openapi/openapi-document-url.js';
import type { Exchange } from './check-response.js';

/** Prism's diagnostic severities by name, indexed by their numeric value in `@stoplight/types`. */
export const PRISM_SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** The name of one Prism diagnostic severity. */
export type PrismSeverity = (typeof PRISM_SEVERITIES)[number];

/** One thing Prism's output validator reports about a response, as plain values. */
export interface PrismFinding {
  /** Prism's own sentence, e.g. `Response body property 0.status must be equal to one of the allowed values: …`. */
  readonly message: string;
  /** Where in the response, e.g. `['body', '0', 'status']`; empty for the status line and media type. */
  readonly path: readonly string[];
  /** The Ajv keyword for schema findings (`required`, `format`, `enum`, `type`…); absent for the others. */
  readonly code?: string | number;
  readonly severity: PrismSeverity;
}

/** Prism's response validation for List Runs, with the spec loaded once. */
export interface PrismOutputValidator {
  /** Validates one exchange against GET /threads/{thread_id}/runs; an empty list means Prism accepts it. */
  validate(exchange: Exchange): PrismFinding[];
}

type HttpOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];

/**
 * Loads the spec through Prism's own loader (`$ref`s dereferenced, the operation converted by
 * `@stoplight/http-spec`) and returns a validator that runs Prism's proxy-mode output validation
 * in-process, without a server. Rejects when the spec cannot be read or lacks the List Runs operation.
 *
 * @example
 * const prism = await createPrismOutputValidator();
 * const findings = prism.validate({ request: { url }, status: res.status, headers: res.headers, body: await res.text() });
 */
export async function createPrismOutputValidator(
  specUrl: URL = OPENAPI_DOCUMENT_URL,
): Promise<PrismOutputValidator> {
  const operations = await getHttpOperationsFromSpec(
    specUrl.protocol === 'file:' ? fileURLToPath(specUrl) : specUrl.href,
  );
  const operation = operations.find((op) => op.method === 'get' && op.path === LIST_RUNS_PATH);
  if (operation === undefined) throw new Error(`spec: GET ${LIST_RUNS_PATH} is missing (${specUrl.href})`);
  assertSchemasCompile(operation);
  // A HEAD response has the status and headers of the GET but no body (RFC 9110 §9.3.2). Prism has no
  // notion of that: it would validate the empty body against Run[]. Validating HEAD against the operation
  // with no response contents keeps Prism to the status and declared headers, the same scope as
  // the Ajv checker (status only for HEAD), so the two sides judge HEAD alike.
  const bodiless: HttpOperation = {
    ...operation,
    responses: operation.responses.map((response) => ({ ...response, contents: [] })),
  };
  return {
    validate(exchange) {
      const isHead = (exchange.request.method ?? 'GET').toUpperCase() === 'HEAD';
      return runValidateOutput(isHead ? bodiless : operation, {
        statusCode: exchange.status,
        headers: plainHeaders(exchange.headers),
        body: isHead ? undefined : parseBody(exchange.body),
      });
    },
  };
}

/**
 * Prism compiles each body schema on first use and, when Ajv cannot compile it (say, a bad `pattern`),
 * swallows the error and accepts every body. Feeding each declared body a value of the wrong JSON type
 * once turns that silent pass into a failure here; it also moves the ~30 ms of compiling out of the
 * first `validate` call.
 */
function assertSchemasCompile(operation: HttpOperation): void {
  for (const response of operation.responses) {
    for (const content of response.contents ?? []) {
      const type: unknown = content.schema?.type;
      if (typeof type !== 'string' || !/^\d{3}$/.test(response.code)) continue;
      const wrongType = type === 'array' ? {} : [];
      const findings = runValidateOutput(operation, {
        statusCode: Number(response.code),
        headers: { 'content-type': content.mediaType },
        body: wrongType,
      });
      if (!findings.some((finding) => finding.code === 'type')) {
        throw new Error(`Prism cannot compile the ${response.code} ${content.mediaType} body schema`);
      }
    }
  }
}

function runValidateOutput(
  resource: HttpOperation,
  element: Parameters<typeof validateOutput>[0]['element'],
): PrismFinding[] {
  let result: ReturnType<typeof validateOutput>;
  try {
    result = validateOutput({ resource, element });
  } catch (error) {
    // Prism parses Content-Type with the strict `content-type` package and lets its TypeError escape
    // (e.g. for `application/json;`). In proxy mode that fails the request, so it is a finding here.
    const reason = error instanceof Error ? error.message : String(error);
    return [{ message: `Prism cannot validate the response: ${reason}`, path: [], severity: 'error' }];
  }
  if (result._tag === 'Right') return [];
  return result.left.map((diagnostic) => ({
    message: diagnostic.message,
    path: diagnostic.path ?? [],
    ...(diagnostic.code === undefined ? {} : { code: diagnostic.code }),
    severity: PRISM_SEVERITIES[diagnostic.severity],
  }));
}

/**
 * JSON when the text parses, whatever the content type (as the Ajv checker does, which reports the
 * content type separately); otherwise the raw text, so Prism reports it against the schema's type.
 */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function plainHeaders(headers: Exchange['headers']): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const plain: Record<string, string> = {};
  for (const [name, value] of entries) if (value !== undefined) plain[name.toLowerCase()] = value;
  return plain;
}
