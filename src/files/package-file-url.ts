import { existsSync } from 'node:fs';

let packageRoot: URL | undefined;

/**
 * The URL of a file shipped at the package's root (`spec/openapi.yaml`, `fixtures/dataset.json`,
 * `package.json`). The root is the nearest folder above this module that holds a package.json, so the
 * same call resolves from `src/` (tests), tsc's and the bundler's `dist/` folders and the bench's
 * `.bench-build/src/`, whatever their depth, with nothing copied beside the compiled code.
 *
 * @example
 * readFileSync(packageFileUrl('fixtures/dataset.json'), 'utf8');
 */
export function packageFileUrl(path: string): URL {
  packageRoot ??= findPackageRoot(new URL('./', import.meta.url));
  return new URL(path, packageRoot);
}

/** The nearest folder at or above `start` (a folder URL, ending in `/`) that holds a package.json. */
export function findPackageRoot(start: URL): URL {
  for (let folder = start; ; folder = new URL('../', folder)) {
    if (existsSync(new URL('package.json', folder))) return folder;
    if (folder.pathname === '/') throw new Error(`no package.json in any folder above ${start.href}`);
  }
}
