import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findChromium } from './find-chromium.js';
import { launchChromium } from './launch-chromium.js';
import { inFreshContext } from './open-browser-context.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PAGE = 'data:text/html,<h1>state of the page</h1>';

let browser: Browser | undefined;
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'browser-context-'));
  browser = await launchChromium(findChromium(process.env));
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('inFreshContext', () => {
  it('screenshots every page it opened when the body fails, says where, and passes the error on', async () => {
    if (browser === undefined) throw new Error('The browser did not start');
    const failure = new Error('a check failed');
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        inFreshContext(browser, { dir, name: 'failing' }, async (openPage) => {
          await openPage(PAGE);
          await openPage(PAGE);
          throw failure;
        }),
      ).rejects.toBe(failure);
      for (const shot of ['failing-1.png', 'failing-2.png']) {
        expect((await readFile(join(dir, shot))).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      }
      expect(report).toHaveBeenCalledWith(expect.stringContaining(join(dir, 'failing-2.png')));
    } finally {
      report.mockRestore();
    }
  });

  it('returns what the body returns, and takes no screenshot when it succeeds', async () => {
    if (browser === undefined) throw new Error('The browser did not start');
    const title = await inFreshContext(browser, { dir, name: 'passing' }, async (openPage) => {
      const page = await openPage(PAGE);
      return page.textContent('h1');
    });
    expect(title).toBe('state of the page');
    await expect(readFile(join(dir, 'passing-1.png'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
