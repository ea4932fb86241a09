import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { embeddedModules } from '../../scripts/embed-data.mjs';

interface EmbeddedModule {
  readonly path: string;
  readonly text: string;
}

const ROOT = new URL('../../', import.meta.url);
const DOMAIN_FOLDERS = ['src/store', 'src/query', 'src/openapi', 'src/control', 'src/core', 'src/errors'];

describe('the spec and the dataset embedded at build time', () => {
  it.each((embeddedModules as () => EmbeddedModule[])().map((module) => [module.path, module.text]))(
    '%s holds the current source (run `node scripts/embed-data.mjs` after editing it)',
    (path, text) => {
      expect(readFileSync(new URL(path, ROOT), 'utf8')).toBe(text);
    },
  );
});

describe('the code below the adapters', () => {
  it.each(DOMAIN_FOLDERS)('imports nothing from node: in %s', async (folder) => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL(`${folder}/`, ROOT), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(new URL(`${folder}/${file}`, ROOT), 'utf8');
      expect(text, `${folder}/${file}`).not.toMatch(/from '(node:)?(fs|path|url|crypto|http|net|stream|os)'/);
      expect(text, `${folder}/${file}`).not.toMatch(/\bBuffer\.[a-z]|\bprocess\.[a-z]/);
    }
  });
});
