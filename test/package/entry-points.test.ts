import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, { types: string; default: string }>;
};
const work = mkdtempSync(join(tmpdir(), 'langgraph-mock-entry-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// ESM imports go through a module hook (it runs on its own thread, so it appends to a file); CommonJS
// modules, including those `require`d lazily, are in `require.cache` when the script ends.
const HOOKS = join(work, 'hooks.mjs');
writeFileSync(
  HOOKS,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}
`,
);
const REGISTER = join(work, 'register.mjs');
writeFileSync(
  REGISTER,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(HOOKS).href)});\n`,
);

/** Every file a fresh Node process has loaded after running `script` (ESM, with top-level await). */
function filesLoadedBy(script: string): string[] {
  const log = join(work, `loaded-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const entry = join(work, `entry-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    entry,
    `import { createRequire } from 'node:module';\n${script}\nprocess.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));\n`,
  );
  const stdout = execFileSync(process.execPath, ['--import', pathToFileURL(REGISTER).href, entry], {
    cwd: ROOT,
    env: { ...process.env, LOADED_LOG: log },
    encoding: 'utf8',
  });
  const esm = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  return [...esm, ...(JSON.parse(stdout) as string[])];
}

/** The packages (by node_modules name) among loaded files. */
function packagesIn(files: readonly string[]): Set<string> {
  const names = files.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]);
  return new Set(names.filter((name): name is string => name !== undefined));
}

const entry = (name: string): string => {
  const target = manifest.exports[name]?.default;
  if (target === undefined) throw new Error(`test: package.json exports no ${name}`);
  return pathToFileURL(join(ROOT, target)).href;
};

const KIT_PACKAGES = ['ajv', 'ajv-formats', 'fast-check', '@stoplight/prism-http'];

describe('the package entry points', () => {
  it('serve from the root without loading Ajv, fast-check or Prism', () => {
    const loaded = packagesIn(
      filesLoadedBy(
        `const api = await import(${JSON.stringify(entry('.'))});\nconst server = await api.createMockServer({ host: '127.0.0.1', port: 0 });\nawait fetch(server.url + '/threads/00000000-0000-4000-8000-000000000000/runs');\nawait server.close();`,
      ),
    );
    expect(loaded).toContain('express');
    expect(loaded).toContain('@faker-js/faker');
    for (const name of KIT_PACKAGES) expect(loaded, name).not.toContain(name);
  });

  it('load Faker from the root only when the first run is generated', () => {
    const imported = packagesIn(filesLoadedBy(`await import(${JSON.stringify(entry('.'))});`));
    expect(imported).not.toContain('@faker-js/faker');

    const generated = packagesIn(
      filesLoadedBy(
        `const api = await import(${JSON.stringify(entry('.'))});\nconst store = api.createSeededStore({ threads: 1 });\nconst thread = store.threads().find((summary) => summary.runCount > 0);\nif (store.listRuns({ threadId: thread.threadId, limit: 1, offset: 0 }).length !== 1) throw new Error('no run');`,
      ),
    );
    expect(generated).toContain('@faker-js/faker');
  });

  it('parse an exported fixture file from the root without loading Ajv: its runs are in the server form', () => {
    const loaded = packagesIn(
      filesLoadedBy(
        `const api = await import(${JSON.stringify(entry('.'))});\napi.parseFixtures(JSON.parse(api.formatFixtures(api.exportFixtures(api.createSeededStore({ threads: 1 })))), 'test');`,
      ),
    );
    for (const name of KIT_PACKAGES) expect(loaded, name).not.toContain(name);
  });

  it('load Ajv from the root only when a fixture file has a run to check in full', () => {
    const loaded = packagesIn(
      filesLoadedBy(
        `const api = await import(${JSON.stringify(entry('.'))});\nconst file = JSON.parse(api.formatFixtures(api.exportFixtures(api.createSeededStore({ threads: 1 }))));\nconst run = file.threads.find((thread) => thread.runs.length > 0).runs[0];\nrun.created_at = run.created_at.replace('+00:00', 'Z');\napi.parseFixtures(file, 'test');`,
      ),
    );
    expect(loaded).toContain('ajv');
    expect(loaded).not.toContain('fast-check');
    expect(loaded).not.toContain('@stoplight/prism-http');
  });

  it('check a response through ./contract with Ajv alone', () => {
    const loaded = packagesIn(
      filesLoadedBy(
        `const { checkResponse } = await import(${JSON.stringify(entry('./contract'))});\nconst violations = checkResponse({ request: { url: '/threads/x/runs' }, status: 200, headers: new Headers({ 'content-type': 'application/json' }), body: '{}' });\nif (violations.length === 0) throw new Error('a non-list body passed');`,
      ),
    );
    expect(loaded).toContain('ajv');
    expect(loaded).not.toContain('fast-check');
    expect(loaded).not.toContain('@stoplight/prism-http');
    expect(loaded).not.toContain('express');
  });

  it('run the conformance kit from ./conformance, loading Prism only when the cross-check runs', () => {
    const imported = packagesIn(filesLoadedBy(`await import(${JSON.stringify(entry('./conformance'))});`));
    expect(imported).toContain('fast-check');
    expect(imported).not.toContain('@stoplight/prism-http');

    const crossChecked = packagesIn(
      filesLoadedBy(
        `const { loadPrismOutputValidator } = await import(${JSON.stringify(entry('./conformance'))});\nif (await loadPrismOutputValidator() === undefined) throw new Error('Prism is a devDependency here');`,
      ),
    );
    expect(crossChecked).toContain('@stoplight/prism-http');
  });

  it.each(Object.keys(manifest.exports))('declare the types of %s and ship its code', (name) => {
    const { types, default: code } = manifest.exports[name] ?? { types: '', default: '' };
    expect(readFileSync(join(ROOT, types), 'utf8')).toMatch(/^export /m);
    expect(readFileSync(join(ROOT, code), 'utf8')).toMatch(/^export /m);
  });
});
