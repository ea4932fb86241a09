// `npm run soak` runs this file from .bench-build/scripts/; the child mock is the CLI compiled beside it.
import { killChildServersOnExit } from '../bench/child-server.js';
import { soakCommand } from './soak-command.js';

killChildServersOnExit();
process.exitCode = await soakCommand(
  process.argv.slice(2),
  { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
  new URL('../src/cli/main.js', import.meta.url),
);
