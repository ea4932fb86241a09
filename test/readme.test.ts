import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from '../src/cli/usage.js';
import { loadDatasetDefinition } from '../src/store/dataset-definition.js';
import { startMockServer, type TestServer } from './helpers/start-mock-server.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The body of the first fenced block of `language` after `marker`. */
function blockAfter(marker: string, language: string): string {
  const start = readme.indexOf(marker);
  expect(start, `README lacks ${marker}`).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf(`\`\`\`${language}\n`, start);
  const close = readme.indexOf('\n```', open + 1);
  return readme.slice(open + language.length + 4, close);
}

let server: TestServer;
beforeAll(async () => {
  server = await startMockServer({ threads: 20 }); // the defaults `npm start` uses
});
afterAll(() => server.close());

describe('README', () => {
  it('shows the two commands first', () => {
    const firstBlock = blockAfter('# langgraph-mock-server', 'sh');
    expect(firstBlock).toMatch(/^npm ci && npm start/);
    expect(firstBlock).toContain('npm test');
  });

  it('shows the real output of its curl example', async () => {
    const command = /\$ curl '(http:\/\/127\.0\.0\.1:2024)([^']+)'/.exec(readme);
    expect(command).not.toBeNull();
    const response = await server.request(command?.[2] ?? '');
    expect(response.text).toBe(blockAfter('$ curl', 'json'));
  });

  it('prints the CLI help verbatim', () => {
    expect(blockAfter('### Command line', 'text')).toBe(USAGE);
  });

  it('lists every scenario thread with its id and size', () => {
    for (const scenario of loadDatasetDefinition().scenarios) {
      const size = Object.values(scenario.statusCounts).reduce((sum, count) => sum + count, 0);
      const cells = readme
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .find((row) => row[1] === `\`${scenario.name}\``);
      expect(cells, scenario.name).toBeDefined();
      expect(cells?.[2]).toBe(`\`${scenario.threadId}\``);
      expect(cells?.[3]).toBe(size.toLocaleString('en-US'));
    }
  });
});
