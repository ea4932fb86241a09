// `npm run fuzz` runs this file from .bench-build/scripts/. The data folders are copied before the
// command (and the src modules behind it) is loaded.
import { copyDataFolders } from './copy-data-folders.js';

copyDataFolders(new URL('../', import.meta.url));
const { fuzzCommand } = await import('./fuzz-command.js');
process.exitCode = await fuzzCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
