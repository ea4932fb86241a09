import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleForBrowser } from './bundle-for-browser.js';
import { findChromium } from './find-chromium.js';
import { launchChromium } from './launch-chromium.js';
import { inFreshContext, type OpenPage } from './open-browser-context.js';
import { serveStatic, type StaticServer } from './serve-static.js';

/** A page of the test site: the scripts it loads (TypeScript, bundled) and files it needs beside it. */
export interface SitePage {
  /** Its file name on the site, e.g. `index.html`. */
  readonly name: string;
  /** Page scripts under `test/browser/page/`, loaded in this order. */
  readonly scripts: readonly string[];
  /** Files copied to the site's root as they are (e.g. MSW's worker script). */
  readonly files?: readonly string[];
}

/** A headless Chromium and a static site on its own origin, for one test file. */
export interface BrowserHarness {
  /** The URL of `path` on the site. */
  siteUrl(path: string): string;
  /**
   * Runs `body` in a fresh browser context. If it fails, its pages are screenshot into the harness's temp
   * dir, which is then kept (its path is printed) instead of deleted.
   */
  inBrowser<T>(evidenceName: string, body: (openPage: OpenPage) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the system Chromium and serves `pages`, bundled at this moment into a temp dir. Without a
 * Chromium it throws how to install one: the browser tests fail, they are never skipped.
 */
export async function startBrowserHarness(pages: readonly SitePage[]): Promise<BrowserHarness> {
  const executablePath = findChromium(process.env);
  const workDir = await mkdtemp(join(tmpdir(), 'langgraph-mock-browser-'));
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  let failed = false;
  const close = async (): Promise<void> => {
    await browser?.close();
    await site?.close();
    if (!failed) await rm(workDir, { recursive: true, force: true });
  };
  try {
    [browser] = await Promise.all([launchChromium(executablePath), buildSite(pages, workDir)]);
    site = await serveStatic(workDir);
  } catch (error) {
    await close();
    throw error;
  }
  const started = { browser, site };
  return {
    siteUrl: (path) => `${started.site.url}${path}`,
    async inBrowser(evidenceName, body) {
      try {
        return await inFreshContext(started.browser, { dir: workDir, name: evidenceName }, body);
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    close,
  };
}

async function buildSite(pages: readonly SitePage[], workDir: string): Promise<void> {
  const scripts = new Set(pages.flatMap((page) => page.scripts));
  const files = new Set(pages.flatMap((page) => page.files ?? []));
  await Promise.all([
    ...[...scripts].map((script) =>
      bundleForBrowser(join(import.meta.dirname, 'page', script), join(workDir, bundleName(script))),
    ),
    ...[...files].map((file) => copyFile(file, join(workDir, basename(file)))),
    ...pages.map((page) => writeFile(join(workDir, page.name), pageHtml(page.scripts.map(bundleName)))),
  ]);
}

function bundleName(script: string): string {
  return basename(script).replace(/\.ts$/, '.js');
}

/** A page that lists its requests as it makes them (see `page/scenario-page.ts`). */
function pageHtml(scripts: readonly string[]): string {
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<title>langgraph-mock-server from another origin</title>',
    '<style>li { overflow-wrap: anywhere; }</style>',
    '<h1>Requests</h1>',
    '<ol id="requests"></ol>',
    ...scripts.map((script) => `<script type="module" src="/${script}"></script>`),
    '',
  ].join('\n');
}
