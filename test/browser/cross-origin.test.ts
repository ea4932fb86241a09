import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { bundleForBrowser } from './bundle-for-browser.js';
import { findChromium } from './find-chromium.js';
import { launchChromium } from './launch-chromium.js';
import {
  APPENDED_RUNS,
  NEW_THREAD,
  runListRunsScenario,
  SEEDED_THREAD,
  UNKNOWN_THREAD,
} from './list-runs-scenario.js';
import { inFreshContext } from './open-browser-context.js';
import { createProbe, type Answer } from './page/probe.js';
import { scenarioStoreOptions } from './page/scenario-store-options.js';
import { createPageProbe } from './page-probe.js';
import { serveStatic, type StaticServer } from './serve-static.js';

const API_KEY = 'browser-test-key';
const JSON_TYPE = 'application/json; charset=utf-8';
const PAGE_HTML = `<!doctype html>
<meta charset="utf-8">
<title>langgraph-mock-server from another origin</title>
<h1>Requests</h1>
<ol id="requests"></ol>
<script type="module" src="/scenario-page.js"></script>
`;

let browser: Browser | undefined;
let site: StaticServer | undefined;
let workDir = '';
let failed = false;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'langgraph-mock-browser-'));
  // No browser fails every test here with how to install one: a skipped browser test proves nothing.
  const executablePath = findChromium(process.env);
  const [launched] = await Promise.all([
    launchChromium(executablePath),
    bundleForBrowser(join(import.meta.dirname, 'page/scenario-page.ts'), join(workDir, 'scenario-page.js')),
    writeFile(join(workDir, 'index.html'), PAGE_HTML),
  ]);
  browser = launched;
  site = await serveStatic(workDir);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  // Screenshots of a failure stay for whoever looks into it.
  if (!failed) await rm(workDir, { recursive: true, force: true });
});

/** The scenario from the test page (on its own origin) against a fresh server, and from Node against another. */
async function scenarioFromPage(
  evidenceName: string,
  apiKey?: string,
): Promise<{
  fromPage: Record<string, Answer>;
  fromNode: Record<string, Answer>;
}> {
  if (browser === undefined || site === undefined) throw new Error('The browser did not start');
  const options = { ...scenarioStoreOptions(), ...(apiKey === undefined ? {} : { apiKey }) };
  const servers: MockServer[] = await Promise.all([createMockServer(options), createMockServer(options)]);
  const [forPage, forNode] = servers as [MockServer, MockServer];
  const pageUrl = `${site.url}/index.html`;
  try {
    return await inFreshContext(browser, { dir: workDir, name: evidenceName }, async (openPage) => {
      const page = await openPage(pageUrl);
      const fromPage = await runListRunsScenario(
        await createPageProbe(page, { baseUrl: forPage.url, apiKey }),
      );
      const fromNode = await runListRunsScenario(createProbe({ baseUrl: forNode.url, apiKey }));
      return { fromPage, fromNode };
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
}

/** What every scenario must have seen, whichever door the answers came through. */
function expectScenarioAnswers(answers: Record<string, Answer>, options: { keyRequired: boolean }): void {
  const [first, second] = APPENDED_RUNS;
  const listed = answers['list runs, SDK'];
  expect(listed?.status).toBe(200);
  const listedRuns = listed?.body as { thread_id: string }[];
  expect(listedRuns).toHaveLength(10);
  expect(listedRuns.every((run) => run.thread_id === SEEDED_THREAD)).toBe(true);
  expect(answers['list runs, fetch']).toEqual({ status: 200, contentType: JSON_TYPE, body: listed?.body });
  const filtered = answers['list runs with every parameter, SDK']?.body as Record<string, unknown>[];
  expect(filtered).toHaveLength(3);
  for (const run of filtered) {
    expect(Object.keys(run).sort()).toEqual(['created_at', 'run_id', 'status']);
    expect(run.status).toBe('success');
  }
  expect(answers['list runs with every parameter, fetch']?.body).toEqual(filtered);
  expect(answers['list runs without a key, fetch']).toEqual(
    options.keyRequired
      ? { status: 403, contentType: JSON_TYPE, body: { detail: 'Missing x-api-key header' } }
      : { status: 200, contentType: JSON_TYPE, body: listed?.body },
  );
  expect(answers['create a thread']).toMatchObject({
    status: 201,
    body: { thread_id: NEW_THREAD, run_count: 0 },
  });
  expect(answers['append runs']).toMatchObject({
    status: 201,
    body: [
      { run_id: first.run_id, thread_id: NEW_THREAD, status: 'pending' },
      { run_id: second.run_id, thread_id: NEW_THREAD, status: 'pending' },
    ],
  });
  expect(answers['patch a status']).toMatchObject({
    status: 200,
    body: { run_id: first.run_id, status: 'success' },
  });
  expect(answers['delete a run']).toEqual({ status: 204, contentType: null, body: null });
  expect(answers['list the new thread, SDK']).toEqual({
    status: 200,
    contentType: null,
    body: [answers['patch a status']?.body],
  });
  expect(answers.reset?.status).toBe(200);
  const notFound = (thread: string): unknown => ({ detail: `Thread with ID ${thread} not found` });
  expect(answers['list the new thread after the reset, fetch']).toEqual({
    status: 404,
    contentType: JSON_TYPE,
    body: notFound(NEW_THREAD),
  });
  expect(answers['an unknown thread, SDK']).toEqual({
    status: 404,
    contentType: null,
    body: notFound(UNKNOWN_THREAD),
  });
  expect(answers['an unknown thread, fetch']).toEqual({
    status: 404,
    contentType: JSON_TYPE,
    body: notFound(UNKNOWN_THREAD),
  });
  const forced = { detail: 'Internal Server Error (forced by Prefer: code=500)' };
  expect(answers['a forced 500, SDK']).toEqual({ status: 500, contentType: null, body: forced });
  expect(answers['a forced 500, fetch']).toEqual({ status: 500, contentType: JSON_TYPE, body: forced });
}

describe('the mock, used from a page on another origin in headless Chromium', () => {
  it('answers the SDK and fetch, the control API and its errors as it answers Node', async () => {
    const { fromPage, fromNode } = await scenarioFromPage('server');
    expectScenarioAnswers(fromPage, { keyRequired: false });
    expect(fromPage).toEqual(fromNode);
  });

  it('does the same for a server started with an API key, and tells a page without the key why not', async () => {
    const { fromPage, fromNode } = await scenarioFromPage('server-with-key', API_KEY);
    expectScenarioAnswers(fromPage, { keyRequired: true });
    expect(fromPage).toEqual(fromNode);
  });
});
