import type * as NodeModule from 'node:module';

/**
 * Node's synchronous `require`, resolving packages from this package, or undefined outside Node (a
 * browser, MSW's service worker). Reached through `process.getBuiltinModule` rather than a `node:` import,
 * so the modules that use it still load in a browser; there, they load their dependency with `import()`
 * ahead of first use instead. On Node ≥ 20.19 it also loads ES-module-only packages (`require(esm)`).
 */
export function requireInNode(): ((specifier: string) => unknown) | undefined {
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const nodeModule = nodeProcess?.getBuiltinModule?.('module') as typeof NodeModule | undefined;
  return nodeModule?.createRequire(import.meta.url);
}
