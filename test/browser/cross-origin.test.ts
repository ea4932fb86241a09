import { afterAll, beforeAll, describe, it } from 'vitest';
import { createMockServer } from '../../src/http/create-mock-server.js';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.js';
import { expectPageToGetServerAnswers } from './expect-page-answers.js';
import { scenarioStoreOptions } from './page/scenario-store-options.js';

let harness: BrowserHarness | undefined;
beforeAll(async () => {
  harness = await startBrowserHarness([{ name: 'index.html', scripts: ['scenario-page.ts'] }]);
}, 30_000);
afterAll(() => harness?.close());

describe('the mock, used from a page on another origin in headless Chromium', () => {
  it.each([
    ['a server', undefined],
    ['a server started with an API key', 'browser-test-key'],
  ])(
    'answers the SDK and fetch, the control API and its errors as it answers Node, from %s',
    async (name, apiKey) => {
      if (harness === undefined) throw new Error('The browser did not start');
      const server = await createMockServer({ ...scenarioStoreOptions(), apiKey });
      try {
        await expectPageToGetServerAnswers(harness, name.replaceAll(' ', '-'), {
          path: '/index.html',
          baseUrl: server.url,
          apiKey,
        });
      } finally {
        await server.close();
      }
    },
  );
});
