// The second script of the MSW test page: MSW's service worker answering with `createHandlers`, so the
// page gets the mock's answers with no server running at all.
import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../../src/msw/create-handlers.js';
import { scenarioStoreOptions } from './scenario-store-options.js';

/** Where the handlers answer, and the key they require. */
export interface MockWorkerOptions {
  readonly baseUrl: string;
  readonly apiKey?: string | undefined;
}

/** What the MSW test page offers the test, on `globalThis.mockWorker`. */
export interface MockWorkerPage {
  /** Registers the service worker with the mock's handlers; resolves once it controls the page. */
  start(options: MockWorkerOptions): Promise<void>;
}

const mockWorker: MockWorkerPage = {
  async start({ baseUrl, apiKey }) {
    const worker = setupWorker(
      ...createHandlers({ ...scenarioStoreOptions(), baseUrl, ...(apiKey === undefined ? {} : { apiKey }) }),
    );
    // A request no handler answers fails instead of reaching the network: there is nothing to reach.
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'error',
      quiet: true,
    });
  },
};

(globalThis as unknown as { mockWorker: MockWorkerPage }).mockWorker = mockWorker;
