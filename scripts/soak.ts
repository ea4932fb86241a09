// `npm run soak` runs this file from .bench-build/scripts/. The data folders are copied before the command
// (and the src modules behind it) is loaded; the child mock is the CLI compiled beside it.
import { copyDataFolders } from './copy-data-folders.js';
import { killChildMocks } from './start-child-mock.js';

copyDataFolders(new URL('../', import.meta.url));

// The child mock is killed on every way out: normal exit, an uncaught error, Ctrl+C.
process.once('exit', killChildMocks);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    killChildMocks();
    process.exit(code);
  });
}

const { soakCommand } = await import('./soak-command.js');
process.exitCode = await soakCommand(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  new URL('../src/cli/main.js', import.meta.url),
);
