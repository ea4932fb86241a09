import { createMockServer, type MockServerOptions } from '../../src/http/create-mock-server.js';

/** A response as the HTTP tests look at it. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly body: unknown;
}

/** A mock server on 127.0.0.1, a free port, for one test file. */
export interface TestServer {
  readonly url: string;
  /** Sends a request to `path` (with its query) and reads the whole response. */
  request(path: string, init?: RequestInit): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Starts a mock with its own store (port 0) for one test file; close it in `afterAll`. */
export async function startMockServer(options: MockServerOptions = {}): Promise<TestServer> {
  const server = await createMockServer({ threads: 3, ...options, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    async request(path, init) {
      const response = await fetch(`${server.url}${path}`, init);
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, headers: response.headers, text, body };
    },
    close: () => server.close(),
  };
}
