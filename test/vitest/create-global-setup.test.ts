import { describe, expect, expectTypeOf, inject, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import { createGlobalSetup, MOCK_URL_KEY, setup, type ProvidingProject } from '../../src/vitest/index.js';

/** Stands in for Vitest's TestProject: records what the global setup provides. */
function recordingProject(): ProvidingProject & { provided: Map<string, string> } {
  const provided = new Map<string, string>();
  return { provided, provide: (key, value) => provided.set(key, value) };
}

describe('createGlobalSetup', () => {
  it('starts a mock on 127.0.0.1, provides its URL as langgraphMockUrl, and stops it on teardown', async () => {
    const project = recordingProject();
    const teardown = await createGlobalSetup()(project);
    const url = project.provided.get(MOCK_URL_KEY) ?? '';
    expect(MOCK_URL_KEY).toBe('langgraphMockUrl');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/threads/00000000-0000-4000-8000-000000000001/runs`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);

    await teardown();
    await expect(fetch(`${url}/threads/00000000-0000-4000-8000-000000000001/runs`)).rejects.toThrow();
  });

  it('passes its options to the mock', async () => {
    const threadCount = async (options: Parameters<typeof createGlobalSetup>[0]): Promise<number> => {
      const project = recordingProject();
      const teardown = await createGlobalSetup(options)(project);
      try {
        const url = project.provided.get(MOCK_URL_KEY) ?? '';
        expect((await fetch(`${url}/__mock/threads`)).status).toBe(403);
        const response = await fetch(`${url}/__mock/threads`, { headers: { 'x-api-key': 'secret' } });
        return ((await response.json()) as unknown[]).length;
      } finally {
        await teardown();
      }
    };
    const withTwo = await threadCount({ apiKey: 'secret', threads: 2 });
    const withFive = await threadCount({ apiKey: 'secret', threads: 5 });
    expect(withFive - withTwo).toBe(3);
  });

  it("takes Vitest's own TestProject, and types inject('langgraphMockUrl') as a string", () => {
    // Checked by tsc (npm test type-checks the tests): both fail to compile if the types drift.
    expectTypeOf<TestProject>().toExtend<ProvidingProject>();
    expectTypeOf(inject<typeof MOCK_URL_KEY>).returns.toEqualTypeOf<string>();
  });

  it('is exported ready-made as `setup`, so the package itself can be the global setup file', async () => {
    const project = recordingProject();
    const teardown = await setup(project);
    expect(project.provided.get(MOCK_URL_KEY)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await teardown();
  });
});
