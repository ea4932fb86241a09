import type { Page } from 'playwright-core';
import type { Probe, ProbeConfig } from './page/probe.js';
import type { ScenarioPage } from './page/scenario-page.js';

/** The page's script, as the functions below (serialised into the page) find it. */
type PageGlobal = typeof globalThis & { scenarioPage: ScenarioPage };

/** A probe whose requests the test page makes, from its own origin, in the browser. */
export async function createPageProbe(page: Page, config: ProbeConfig): Promise<Probe> {
  await page.evaluate((given) => {
    (globalThis as PageGlobal).scenarioPage.configure(given);
  }, config);
  return {
    sdkListRuns: (threadId, options = {}, headers = {}) =>
      page.evaluate(
        ([id, given, extra]) => (globalThis as PageGlobal).scenarioPage.sdkListRuns(id, given, extra),
        [threadId, options, headers] as const,
      ),
    fetch: (method, path, init = {}) =>
      page.evaluate(
        ([verb, target, given]) => (globalThis as PageGlobal).scenarioPage.fetch(verb, target, given),
        [method, path, init] as const,
      ),
  };
}
