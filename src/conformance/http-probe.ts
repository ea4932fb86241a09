import { checkResponse, type Exchange } from '../contract/check-response.js';
import { crossCheck } from '../contract/cross-check.js';
import type { PrismOutputValidator } from '../contract/prism-output-validator.js';
import type { Violation } from '../contract/violation.js';

/** One response, read whole and already checked against the contract. */
export interface ProbeResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  /** What `checkResponse` found wrong with it (empty when it was not judged). */
  readonly violations: readonly Violation[];
  /** Where Prism's verdict on it differs from Ajv's (empty without a Prism validator). */
  readonly prismDisagreements: readonly string[];
}

/** Sends List Runs requests to one server. */
export interface HttpProbe {
  readonly baseUrl: string;
  /**
   * GETs `path`. `judge: false` spares the response the contract validators (Ajv compiles a schema per
   * distinct `select` set; Prism takes about 4 ms a response), for a check that sends hundreds of
   * queries and compares each answer exactly with a model, which is stricter than any schema.
   */
  get(path: string, options?: { readonly judge?: boolean }): Promise<ProbeResponse>;
  /** Every response received so far, in order. */
  history(): readonly ProbeResponse[];
}

/** Options of `createHttpProbe`. */
export interface HttpProbeOptions {
  readonly baseUrl: string;
  /** Sent as `x-api-key`, as the Agent Server expects. */
  readonly apiKey?: string | undefined;
  readonly timeoutMs?: number | undefined;
  /** A second opinion on every response; its disagreements with Ajv are recorded. */
  readonly prism?: PrismOutputValidator | undefined;
}

/** The server could not be reached at all: a setup problem, not a finding about the server. */
export class ServerUnreachableError extends Error {
  override readonly name = 'ServerUnreachableError';
}

/** The server answered, then the connection broke before the whole body came: a finding. */
export class ResponseCutOffError extends Error {
  override readonly name = 'ResponseCutOffError';

  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`the response to ${url} was cut off: ${reason}`);
  }
}

/** The reason behind a failed fetch: fetch says only "fetch failed", the cause says why. */
function reasonOf(error: unknown): string {
  const { cause } = error as { cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * Why a URL could not be fetched, with advice where the reason alone misleads: Node's fetch refuses the
 * ports browsers block (1, 6000, ...) before it sends anything, so the server is not at fault.
 */
export function unreachableMessage(url: string, reason: string): string {
  if (reason !== 'bad port') return `cannot reach ${url}: ${reason}`;
  const port = new URL(url).port;
  return `cannot reach ${url}: bad port: Node's fetch refuses port ${port} by its own rule (the ports browsers block, per the Fetch standard), before any request is sent; serve the server on another port, e.g. 2024`;
}

/** Creates a probe; every response it returns has been run through `checkResponse` (and Prism, if given). */
export function createHttpProbe(options: HttpProbeOptions): HttpProbe {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
  const urlOf = (path: string): string => `${baseUrl}${path}`;
  const history: ProbeResponse[] = [];
  return {
    baseUrl,
    history: () => history,
    async get(path, getOptions) {
      const url = urlOf(path);
      let response: Response;
      try {
        response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      } catch (error) {
        throw new ServerUnreachableError(unreachableMessage(url, reasonOf(error)));
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw new ResponseCutOffError(url, reasonOf(error));
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const exchange: Exchange = {
        request: { method: 'GET', url },
        status: response.status,
        headers: response.headers,
        body: text,
      };
      const judge = getOptions?.judge ?? true;
      const violations = judge ? checkResponse(exchange) : [];
      const prismDisagreements =
        options.prism === undefined || !judge
          ? []
          : crossCheck(exchange, violations, options.prism.validate(exchange)).disagreements.map(
              (disagreement) => disagreement.message,
            );
      const probed = {
        url,
        status: response.status,
        headers: response.headers,
        text,
        json,
        violations,
        prismDisagreements,
      };
      history.push(probed);
      return probed;
    },
  };
}
