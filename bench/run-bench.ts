// `npm run bench` runs this file from .bench-build/, where tsc puts bench/ and src/ side by side; the src
// modules find spec/ and fixtures/ at the package root through packageFileUrl.
import { runBench } from './bench-main.js';
import { killChildServersOnExit } from './child-server.js';

killChildServersOnExit();
process.exitCode = await runBench(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
