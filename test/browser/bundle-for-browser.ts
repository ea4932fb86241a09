import { build } from 'rolldown';

/**
 * Bundles a page script and what it imports (TypeScript sources and npm packages alike) into one ES
 * module a browser loads; built at test time into the test's temp dir, never committed.
 */
export async function bundleForBrowser(entry: string, file: string): Promise<void> {
  await build({
    input: entry,
    platform: 'browser',
    // The sources import `./x.js` for `./x.ts`, as NodeNext asks.
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    output: { file, format: 'esm', codeSplitting: false },
    logLevel: 'warn',
  });
}
