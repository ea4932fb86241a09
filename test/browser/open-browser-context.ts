import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Opens a page of the context at `url`, once its scripts have run. */
export type OpenPage = (url: string) => Promise<Page>;

/**
 * Runs `body` in a fresh browser context (no service worker, cache or storage from another test). If it
 * throws, every page it opened is screenshot into `evidenceDir` as `<name>-<n>.png`, and the paths and
 * the pages' console errors are printed, before the error goes on.
 */
export async function inFreshContext<T>(
  browser: Browser,
  evidence: { readonly dir: string; readonly name: string },
  body: (openPage: OpenPage) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext();
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  try {
    return await body(async (url) => {
      const page = await context.newPage();
      pages.push(page);
      page.on('pageerror', (error) => pageErrors.push(shortened(error.message)));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(shortened(message.text()));
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    });
  } catch (error) {
    const shots = await Promise.all(
      pages.map(async (page, i) => {
        const path = join(evidence.dir, `${evidence.name}-${i + 1}.png`);
        // A failed screenshot must not hide the error that asked for it.
        return page.screenshot({ path, fullPage: true }).then(
          () => path,
          (reason: unknown) => `${path} (not taken: ${String(reason)})`,
        );
      }),
    );
    console.error(
      [
        `Screenshots: ${shots.join(', ') || 'none (no page opened)'}`,
        ...pageErrors.map((e) => `Page: ${e}`),
      ].join('\n'),
    );
    throw error;
  } finally {
    await context.close();
  }
}

/** A console line cut to a readable length (the over-long URL of the 414 step is 9 KB). */
function shortened(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
