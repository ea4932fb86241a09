import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, type ConsumerProject } from './consumer-project.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The body of the first ```ts block after `marker` in the README. */
function tsBlockAfter(marker: string): string {
  const start = readme.indexOf(marker);
  if (start === -1) throw new Error(`README lacks "${marker}"`);
  const open = readme.indexOf('```ts\n', start);
  return readme.slice(open + '```ts\n'.length, readme.indexOf('\n```', open));
}

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; status: string }[];
}

let project: ConsumerProject;

beforeAll(async () => {
  project = await createConsumerProject({ alongside: ['vitest'] });
  project.write('vitest.config.ts', tsBlockAfter('name the helper as a global setup'));
  project.write('shared-mock.test.ts', tsBlockAfter('read its URL in any test file'));
  project.write('own-mock.test.ts', tsBlockAfter('A mock per test file works too'));
}, 180_000);

afterAll(() => {
  project.remove();
});

describe("the README's Vitest recipes, in a fresh project with the packed package", () => {
  it('pass: the global setup helper with inject, and createMockServer in beforeAll', async () => {
    const run = await project.run('vitest', ['run', '--reporter=json']);
    const report = JSON.parse(run.stdout) as VitestJsonReport;
    expect(
      report.testResults.map(({ name, status }) => [name.slice(name.lastIndexOf('/') + 1), status]).sort(),
    ).toEqual([
      ['own-mock.test.ts', 'passed'],
      ['shared-mock.test.ts', 'passed'],
    ]);
    expect(report.numPassedTests).toBe(2);
    expect(run.code).toBe(0);
  }, 120_000);

  it('fail when the global setup is left out: the shared-mock test depends on it', async () => {
    project.write(
      'vitest.config.ts',
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig({});\n",
    );
    const run = await project.run('vitest', ['run', '--reporter=json', 'shared-mock.test.ts']);
    const report = JSON.parse(run.stdout) as VitestJsonReport;
    expect(report.numFailedTests).toBe(1);
    expect(run.code).not.toBe(0);
  }, 120_000);
});
