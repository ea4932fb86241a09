// `langgraph-mock-server/vitest`: one mock for a whole Vitest run, started by Vitest's `globalSetup`.
import { createMockServer, type MockServerOptions } from '../http/create-mock-server.js';
// Types only (nothing is loaded at run time): brings Vitest's declarations in, so the augmentation below applies.
import type {} from 'vitest';

/** The key under which the mock's base URL is provided to tests: `inject('langgraphMockUrl')`. */
export const MOCK_URL_KEY = 'langgraphMockUrl';

declare module 'vitest' {
  /** What the `langgraph-mock-server/vitest` global setup provides to tests. */
  export interface ProvidedContext {
    /** The mock's base URL, e.g. `http://127.0.0.1:53211`. */
    langgraphMockUrl: string;
  }
}

/** The part of Vitest's `TestProject` a global setup needs; Vitest's own object fits it. */
export interface ProvidingProject {
  provide(key: typeof MOCK_URL_KEY, value: string): void;
}

/** A Vitest global setup: starts the mock, provides its URL, and returns the teardown that stops it. */
export type MockGlobalSetup = (project: ProvidingProject) => Promise<() => Promise<void>>;

/**
 * Builds a Vitest `setup` that starts one mock (on 127.0.0.1 and a free port unless `options` say
 * otherwise) before the test files run, provides its URL as `langgraphMockUrl`, and closes it after
 * the last file. Every test file of the run talks to the same mock, so its store is shared: a test that
 * writes through the control API should use its own thread.
 *
 * @example
 * // vitest.global-setup.ts, named in vitest.config.ts as `test.globalSetup`
 * import { createGlobalSetup } from 'langgraph-mock-server/vitest';
 * export const setup = createGlobalSetup({ seed: 7 });
 * // in a test: const baseUrl = inject('langgraphMockUrl');
 */
export function createGlobalSetup(options: MockServerOptions = {}): MockGlobalSetup {
  return async (project) => {
    const mock = await createMockServer({ host: '127.0.0.1', port: 0, ...options });
    project.provide(MOCK_URL_KEY, mock.url);
    return () => mock.close();
  };
}

/**
 * The global setup with the default dataset, so `globalSetup: ['langgraph-mock-server/vitest']` needs no
 * file of its own.
 */
export const setup: MockGlobalSetup = createGlobalSetup();
