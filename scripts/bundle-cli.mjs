// Bundles the compiled CLI (dist/cli/main.js) into dist/bundle/: one file for what `serve` loads, so a
// start does not resolve and read ~150 modules one by one (about a quarter of its start-up time).
// Ajv, Prism and fast-check stay external: only `check`, fixtures and the control API's first write load
// them, and Prism's dependencies resolve files at run time, which a bundle would break.
import { chmodSync } from 'node:fs';
import { build } from 'rolldown';

const entry = 'dist/bundle/langgraph-mock.js';
await build({
  input: 'dist/cli/main.js',
  platform: 'node',
  external: [/^@stoplight\//, /^ajv(-formats)?(\/|$)/, /^fast-check(\/|$)/],
  output: { dir: 'dist/bundle', format: 'esm', entryFileNames: 'langgraph-mock.js' },
  logLevel: 'warn',
});
chmodSync(entry, 0o755);
