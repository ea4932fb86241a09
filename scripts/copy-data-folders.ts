import { cpSync } from 'node:fs';

/**
 * Copies `spec/` and `fixtures/` next to the compiled `src/` in `.bench-build/`. The src modules find
 * spec/openapi.yaml and fixtures/dataset.json two folders above themselves, which from
 * `.bench-build/src/<module>/` is `.bench-build/`. A few kB, copied on every run so they are never stale;
 * call it before importing any module that reads them.
 */
export function copyDataFolders(buildRoot: URL): void {
  const projectRoot = new URL('../', buildRoot);
  for (const folder of ['spec', 'fixtures']) {
    cpSync(new URL(`${folder}/`, projectRoot), new URL(`${folder}/`, buildRoot), { recursive: true });
  }
}
