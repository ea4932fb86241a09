import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../src/cli/parse-cli-arguments.js';
import { serveCommand } from '../../src/cli/serve-command.js';

const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-banner-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** The banner `langgraph-mock <argv>` prints, from a server started in-process on a free port. */
async function banner(argv: readonly string[]): Promise<string> {
  const request = parseCliArguments(['--port', '0', '--quiet', ...argv]);
  if (request.kind !== 'serve') throw new Error(`not a serve command: ${request.kind}`);
  let text = '';
  const server = await serveCommand(request.options, {
    out: (chunk) => (text += chunk),
    err: (chunk) => (text += chunk),
  });
  await server.close();
  return text;
}

describe('serveCommand banner', () => {
  it('says "1 run" for a thread of one run, and "runs" otherwise', async () => {
    const text = await banner(['--threads', '0']);
    expect(text).toMatch(/^ {2}single-run +00000000-0000-4000-8000-000000000002 {2}1 run$/m);
    expect(text).toMatch(/^ {2}empty +00000000-0000-4000-8000-000000000001 {2}0 runs$/m);
    expect(text).toMatch(/^ {2}long +00000000-0000-4000-8000-000000000005 {2}10000 runs$/m);
    expect(text).not.toMatch(/\b1 runs\b/);
  });

  it('says "1 thread" for a fixture file of one thread', async () => {
    const example = JSON.parse(
      readFileSync(new URL('../../fixtures/example-fixtures.json', import.meta.url), 'utf8'),
    ) as { threads: unknown[] };
    const path = join(directory, 'one-thread.json');
    writeFileSync(path, JSON.stringify({ ...example, threads: example.threads.slice(0, 1) }));
    const text = await banner(['--fixtures', path]);
    expect(text).toContain(`fixtures ${path}, 1 thread; profile contract`);
  });
});
