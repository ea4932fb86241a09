// `npm run fuzz` runs this file from .bench-build/scripts/.
import { fuzzCommand } from './fuzz-command.js';

process.exitCode = await fuzzCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
