import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createMockServer } from '../../src/http/create-mock-server.js';
import type { BrowserHarness } from './browser-harness.js';
import {
  APPENDED_RUNS,
  NEW_THREAD,
  runListRunsScenario,
  SEEDED_THREAD,
  UNKNOWN_THREAD,
} from './list-runs-scenario.js';
import { createProbe, type Answer } from './page/probe.js';
import { scenarioStoreOptions } from './page/scenario-store-options.js';
import { createPageProbe } from './page-probe.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Where a page sends the scenario's requests, and what it does first. */
export interface PageTarget {
  /** The page on the test site, e.g. `/index.html`. */
  readonly path: string;
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  /** Run in the page before the scenario. */
  readonly prepare?: (page: Page) => Promise<void>;
}

/**
 * Runs the scenario from a page of the test site and checks every answer, and that they equal what Node
 * gets from a fresh server with the same options. The page is screenshot if anything fails.
 */
export async function expectPageToGetServerAnswers(
  harness: BrowserHarness,
  evidenceName: string,
  target: PageTarget,
): Promise<void> {
  const { apiKey } = target;
  const expected = await answersFromNode(apiKey);
  await harness.inBrowser(evidenceName, async (openPage) => {
    const page = await openPage(harness.siteUrl(target.path));
    await target.prepare?.(page);
    const answers = await runListRunsScenario(
      await createPageProbe(page, { baseUrl: target.baseUrl, apiKey }),
    );
    expectScenarioAnswers(answers, { keyRequired: apiKey !== undefined });
    expect(answers).toEqual(expected);
  });
}

/** The scenario's answers from Node, against a fresh server: what a page must see too. */
async function answersFromNode(apiKey: string | undefined): Promise<Record<string, Answer>> {
  const server = await createMockServer({ ...scenarioStoreOptions(), apiKey });
  try {
    return await runListRunsScenario(createProbe({ baseUrl: server.url, apiKey }));
  } finally {
    await server.close();
  }
}

/** What every scenario must have seen, whichever door the answers came through. */
export function expectScenarioAnswers(
  answers: Record<string, Answer>,
  options: { keyRequired: boolean },
): void {
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
  expect(answers['a limit List Runs rejects, fetch']).toEqual({
    status: 422,
    contentType: JSON_TYPE,
    body: { detail: "Invalid limit: '-1' is not a non-negative integer" },
  });
  expect(answers['a URL over the length limit, fetch']).toEqual({
    status: 414,
    contentType: JSON_TYPE,
    body: { detail: 'URI Too Long (over 8192 characters)' },
  });
  const forced = { detail: 'Internal Server Error (forced by Prefer: code=500)' };
  expect(answers['a forced 500, SDK']).toEqual({ status: 500, contentType: null, body: forced });
  expect(answers['a forced 500, fetch']).toEqual({ status: 500, contentType: JSON_TYPE, body: forced });
}
