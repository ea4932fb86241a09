import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand, CHECK_EXIT } from '../../src/cli/check-command.js';
import { parseCheckOptions, type CheckOptions } from '../../src/cli/parse-check-options.js';
import { UsageError } from '../../src/cli/usage-error.js';
import {
  PRISM_INSTALL_HINT,
  type ImportPrismAdapter,
} from '../../src/contract/load-prism-output-validator.js';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';

/** A project where the optional peer was never installed: Node's error for the adapter's Prism import. */
const withoutPrism: ImportPrismAdapter = () =>
  Promise.reject(
    Object.assign(new Error("Cannot find package '@stoplight/prism-http' imported from /app/adapter.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    }),
  );

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ host: '127.0.0.1', port: 0 });
});
afterAll(() => mock.close());

function options(...flags: string[]): CheckOptions {
  const parsed = parseCheckOptions([mock.url, '--reporter', 'json', ...flags]);
  if (typeof parsed === 'string') throw new Error(`test: unexpected ${parsed}`);
  return parsed;
}

async function check(flags: string[], importPrism?: ImportPrismAdapter) {
  let stdout = '';
  let stderr = '';
  const code = await checkCommand(
    options(...flags),
    { out: (text) => (stdout += text), err: (text) => (stderr += text) },
    importPrism,
  );
  const checkIds =
    stdout === '' ? [] : (JSON.parse(stdout) as { results: { id: string }[] }).results.map((r) => r.id);
  return { code, stderr, checkIds };
}

describe('langgraph-mock check without Prism installed', () => {
  it('runs the Ajv checks alone and says in one line that the Prism cross-check was skipped', async () => {
    const run = await check([], withoutPrism);
    expect(run.code).toBe(CHECK_EXIT.passed);
    const notes = run.stderr.split('\n').filter((line) => line.includes('Prism'));
    expect(notes).toEqual([expect.stringContaining('Prism cross-check skipped')]);
    expect(notes[0]).toContain(PRISM_INSTALL_HINT);
    expect(run.checkIds.length).toBeGreaterThan(10);
    expect(run.checkIds).not.toContain('schema.prism-agreement');
  });

  it('exits 2 with --prism required, naming the command that adds it', async () => {
    const run = await check(['--prism', 'required'], withoutPrism);
    expect(run.code).toBe(CHECK_EXIT.unusable);
    expect(run.stderr.trim().split('\n')).toEqual([
      `langgraph-mock check: --prism required, but @stoplight/prism-http is not installed; add it with: ${PRISM_INSTALL_HINT}`,
    ]);
    expect(run.checkIds).toEqual([]);
  });
});

describe('langgraph-mock check with Prism installed', () => {
  it.each([
    ['the default (auto)', []],
    ['--prism required', ['--prism', 'required']],
  ])('cross-checks with Prism under %s', async (_name, flags) => {
    const run = await check(flags);
    expect(run.code).toBe(CHECK_EXIT.passed);
    expect(run.stderr).not.toContain('skipped');
    expect(run.checkIds).toContain('schema.prism-agreement');
  });

  it('leaves Prism out with --prism off, without trying to load it', async () => {
    const run = await check(['--prism', 'off'], () => Promise.reject(new Error('must not be loaded')));
    expect(run.code).toBe(CHECK_EXIT.passed);
    expect(run.checkIds).not.toContain('schema.prism-agreement');
  });

  it('rejects an unknown --prism mode', () => {
    expect(() => parseCheckOptions(['http://127.0.0.1:2024', '--prism', 'maybe'])).toThrow(
      new UsageError("--prism must be one of auto, required, off, got 'maybe'"),
    );
  });
});
