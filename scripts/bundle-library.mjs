// Bundles the package's entry points (package.json `exports`) into dist/lib/: a user's
// `import 'langgraph-mock-server'` then reads a few files instead of resolving ~40 modules one by one,
// about an eighth of the import's time. Every package stays external, so the user's npm deduplicates
// them and nothing is loaded before it is needed: the entries share chunks, and what an entry loads on
// demand (Prism, the fixture parser) stays a separate chunk. The input of each entry is tsc's output
// next to its `types` file. dist/lib/ sits at the same depth as tsc's folders, so `import.meta.url`
// paths (spec/, fixtures/) resolve alike.
import { readFileSync, rmSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { build } from 'rolldown';

const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
// Each export `./name` (`.` is `index`) is bundled to dist/lib/name.js from tsc's output next to its types.
const input = {};
for (const [key, entry] of Object.entries(exports)) {
  const name = key === '.' ? 'index' : key.replace(/^\.\//, '');
  if (entry.default !== `./dist/lib/${name}.js`) {
    throw new Error(`package.json exports["${key}"].default must be ./dist/lib/${name}.js, the bundle of it`);
  }
  input[name] = entry.types.replace(/\.d\.ts$/, '.js');
}
// A chunk left from an earlier build would ship in the package, unused.
rmSync('dist/lib', { recursive: true, force: true });
await build({
  input,
  platform: 'node',
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
  output: { dir: 'dist/lib', format: 'esm' },
  logLevel: 'warn',
});
