import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

// `npm start` and the package's bin run the bundle (dist/bundle), built by `npm run build`, which
// `npm test` runs first. These tests pin it to the unbundled CLI the other tests exercise.
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = 'dist/bundle/langgraph-mock.js';
const UNBUNDLED = 'dist/cli/main.js';
const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'langgraph-mock-bundle-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function serve(script: string, args: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [script, '--port', '0', '--quiet', ...args], { cwd: PROJECT_ROOT });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => {
      reject(new Error(`exited with ${String(code)}: ${out}`));
    });
  });
}

async function bodies(url: string, paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map(async (path) => `${path} ${await (await fetch(`${url}${path}`)).text()}`));
}

describe('the bundled CLI', () => {
  it('prints the package version', async () => {
    const { stdout } = await run(process.execPath, [BUNDLE, '--version'], { cwd: PROJECT_ROOT });
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(stdout.trim()).toBe(manifest.version);
  });

  it('serves the same bytes as the unbundled CLI', async () => {
    const paths = [
      '/threads/00000000-0000-4000-8000-000000000003/runs?limit=15',
      '/threads/00000000-0000-4000-8000-000000000005/runs?status=error&offset=30&select=run_id&select=kwargs',
      '/threads/nope/runs',
      '/__mock/threads',
    ];
    const [bundled, unbundled] = await Promise.all([
      serve(BUNDLE, ['--seed', '8']),
      serve(UNBUNDLED, ['--seed', '8']),
    ]);
    expect(await bodies(bundled, paths)).toEqual(await bodies(unbundled, paths));
  });

  it('serves the scenario threads of a --dataset file', async () => {
    const dataset = JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/dataset.json'), 'utf8')) as {
      scenarios: unknown[];
    };
    dataset.scenarios.push({
      name: 'mine',
      threadId: 'abcdef00-0000-4000-8000-0000000000aa',
      description: 'A custom scenario.',
      statusCounts: { success: 25, error: 5 },
      spacingSeconds: 60,
      lastRunAgeSeconds: 0,
    });
    const path = join(directory, 'dataset.json');
    writeFileSync(path, JSON.stringify(dataset));
    const url = await serve(BUNDLE, ['--dataset', path]);
    const runs = (await (
      await fetch(`${url}/threads/abcdef00-0000-4000-8000-0000000000aa/runs?status=error`)
    ).json()) as unknown[];
    expect(runs).toHaveLength(5);
  });

  it('refuses a bad --dataset file with exit 2 and the field at fault', async () => {
    const path = join(directory, 'bad-dataset.json');
    writeFileSync(path, JSON.stringify({ anchor: 'soon' }));
    const failed = await run(process.execPath, [BUNDLE, '--port', '0', '--dataset', path], {
      cwd: PROJECT_ROOT,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('anchor');
  });
});
