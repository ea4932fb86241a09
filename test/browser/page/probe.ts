import { Client } from '@langchain/langgraph-sdk';

/** What a client saw for one request. */
export interface Answer {
  readonly status: number;
  /** `content-type` as read by `fetch`; null for SDK calls, which do not expose it, and empty answers. */
  readonly contentType: string | null;
  /** The parsed JSON body; null for an empty one. */
  readonly body: unknown;
}

/** Where a probe sends its requests, and the key it sends. */
export interface ProbeConfig {
  readonly baseUrl: string;
  readonly apiKey?: string | undefined;
}

/** The List Runs options the SDK takes, as plain data (so they can cross into a page). */
export type SdkListOptions = Omit<NonNullable<Parameters<Client['runs']['list']>[1]>, 'signal'>;

/** A request made with `fetch`. */
export interface FetchInit {
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Leave out the configured API key. */
  readonly anonymous?: boolean;
}

/** The two ways a frontend reaches the mock: the official SDK and plain `fetch`. */
export interface Probe {
  /** List Runs through `@langchain/langgraph-sdk`; an HTTP error becomes its status and parsed body. */
  sdkListRuns(threadId: string, options?: SdkListOptions, headers?: Record<string, string>): Promise<Answer>;
  /** Any request through `fetch`, with the configured API key unless `anonymous`. */
  fetch(method: string, path: string, init?: FetchInit): Promise<Answer>;
}

/**
 * A probe that runs wherever `fetch` does: in a page (bundled) and in Node, so one scenario gives answers
 * from both that can be compared.
 */
export function createProbe(config: ProbeConfig): Probe {
  const keyHeader: Record<string, string> = config.apiKey === undefined ? {} : { 'x-api-key': config.apiKey };
  return {
    async sdkListRuns(threadId, options = {}, headers = {}) {
      const client = new Client({
        apiUrl: config.baseUrl,
        apiKey: config.apiKey ?? null,
        // Without this a 500 reaches the caller only after the SDK's 4 retries with backoff (~26 s).
        callerOptions: { maxRetries: 0 },
        defaultHeaders: headers,
      });
      try {
        return { status: 200, contentType: null, body: await client.runs.list(threadId, options) };
      } catch (error) {
        if (!isHttpError(error)) throw error;
        return { status: error.status, contentType: null, body: parseBody(error.text) };
      }
    },
    async fetch(method, path, init = {}) {
      const headers: Record<string, string> = {
        ...(init.anonymous === true ? {} : keyHeader),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      };
      const response = await fetch(`${config.baseUrl}${path}`, {
        method,
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        contentType: text === '' ? null : response.headers.get('content-type'),
        body: parseBody(text),
      };
    },
  };
}

/** The SDK's `HTTPError`: the status and the body's text. */
function isHttpError(error: unknown): error is Error & { status: number; text: string } {
  return (
    error instanceof Error &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { text?: unknown }).text === 'string'
  );
}

/** JSON when it parses (every answer of the mock's should), else the text itself, so a test shows it. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
