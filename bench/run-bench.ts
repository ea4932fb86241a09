// `npm run bench` runs this file from .bench-build/, where tsc puts bench/ and src/ side by side. The src
// modules find spec/openapi.yaml and fixtures/dataset.json two directories above themselves, which from
// .bench-build/src/ is .bench-build/: the two folders are copied there first (a few kB, every run, so
// they are never stale), before any module that reads them at import time is loaded.
import { cpSync } from 'node:fs';
import { killAllChildServers } from './child-server.js';

const projectRoot = new URL('../../', import.meta.url);
for (const folder of ['spec', 'fixtures']) {
  cpSync(new URL(`${folder}/`, projectRoot), new URL(`../${folder}/`, import.meta.url), { recursive: true });
}

// Children are killed on every way out: normal exit, an uncaught error, Ctrl+C.
process.once('exit', killAllChildServers);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    killAllChildServers();
    process.exit(code);
  });
}

const { runBench } = await import('./bench-main.js');
process.exitCode = await runBench(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
