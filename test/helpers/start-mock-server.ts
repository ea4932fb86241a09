import { createMockServer, type MockServerOptions } from '../../src/http/create-mock-server.js';
import { checkedFetch, type CheckedResponse } from './checked-fetch.js';

/** A response as the HTTP tests look at it. */
export type TestResponse = CheckedResponse;

/** A mock server on 127.0.0.1, a free port, for one test file. */
export interface TestServer {
  readonly url: string;
  /** Sends a request to `path` (with its query); List Runs responses are contract-checked on the way. */
  request(path: string, init?: RequestInit): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Starts a mock with its own store (port 0) for one test file; close it in `afterAll`. */
export async function startMockServer(options: MockServerOptions = {}): Promise<TestServer> {
  const server = await createMockServer({ threads: 3, ...options, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    request: (path, init) => checkedFetch(`${server.url}${path}`, init),
    close: () => server.close(),
  };
}
