import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot, packageFileUrl } from '../../src/files/package-file-url.js';

describe('packageFileUrl', () => {
  it("resolves the package root's spec/, fixtures/ and package.json", () => {
    const root = new URL('../../', import.meta.url);
    expect(packageFileUrl('spec/openapi.yaml').href).toBe(new URL('spec/openapi.yaml', root).href);
    expect(JSON.parse(readFileSync(packageFileUrl('package.json'), 'utf8'))).toMatchObject({
      name: 'langgraph-mock-server',
    });
    expect(readFileSync(packageFileUrl('fixtures/dataset.json'), 'utf8')).toContain('"scenarios"');
  });
});

describe('findPackageRoot', () => {
  const tree = mkdtempSync(join(tmpdir(), 'package-root-'));
  const folder = (path: string): URL => pathToFileURL(`${join(tree, path)}/`);
  mkdirSync(join(tree, 'pkg', 'dist', 'lib'), { recursive: true });
  mkdirSync(join(tree, 'pkg', '.bench-build', 'src', 'openapi'), { recursive: true });
  writeFileSync(join(tree, 'pkg', 'package.json'), '{}');
  afterAll(() => {
    rmSync(tree, { recursive: true, force: true });
  });

  it.each([
    { name: 'a bundle in dist/lib/', from: 'pkg/dist/lib' },
    { name: "the bench's tsc output, one level deeper", from: 'pkg/.bench-build/src/openapi' },
    { name: 'the root itself', from: 'pkg' },
  ])('finds the folder holding package.json from $name', ({ from }) => {
    expect(findPackageRoot(folder(from)).href).toBe(folder('pkg').href);
  });

  it('throws, naming where it looked, when no folder above holds a package.json', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-package-'));
    try {
      expect(() => findPackageRoot(pathToFileURL(`${outside}/`))).toThrow(
        /no package\.json in any folder above/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
