import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { expectPageToGetServerAnswers } from './expect-page-answers.js';
import type { MockWorkerPage } from './page/mock-worker-page.js';

let harness: BrowserHarness | undefined;
beforeAll(async () => {
  harness = await startBrowserHarness([
    {
      name: 'msw.html',
      scripts: ['scenario-page.ts', 'mock-worker-page.ts'],
      // From the installed msw, so the worker always matches the library that talks to it.
      files: [createRequire(import.meta.url).resolve('msw/mockServiceWorker.js')],
    },
  ]);
}, 30_000);
afterAll(() => harness?.close());

/** The origin of a port nothing listens on (it was free a moment ago): the network has no answer there. */
async function originWithNoServer(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `http://127.0.0.1:${port}`;
}

describe("MSW's service worker with createHandlers, in headless Chromium with no server at all", () => {
  it.each([
    ['without a key', undefined],
    ['with an API key', 'browser-test-key'],
  ])('gives a page on another origin the answers a server gives, %s', async (name, apiKey) => {
    if (harness === undefined) throw new Error('The browser did not start');
    const nowhere = await originWithNoServer();
    await expectPageToGetServerAnswers(harness, `msw-${name.replaceAll(' ', '-')}`, {
      path: '/msw.html',
      baseUrl: nowhere,
      apiKey,
      prepare: (page) =>
        page.evaluate(
          async (options) => {
            const scope = globalThis as typeof globalThis & { mockWorker: MockWorkerPage };
            await scope.mockWorker.start(options);
          },
          { baseUrl: nowhere, apiKey },
        ),
    });
  });
});
