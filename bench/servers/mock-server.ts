// The mock, as `createMockServer` serves it, in a process of its own. With `--large-runs <n>` it serves the
// bench dataset (the shipped threads plus an n-run and a 10-run thread); without, the shipped dataset.
// When started with an IPC channel it answers `rss` with its resident set size, without adding a route
// to the app under test.
import { createMockServer } from '../../src/http/create-mock-server.js';
import { createBenchDataset } from '../bench-dataset.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const largeRuns = largeRunsFrom(process.argv.slice(2));
const server = await createMockServer(
  largeRuns === undefined ? {} : { dataset: createBenchDataset(largeRuns) },
);
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.stdout.write(`mock listening on ${server.url}\n`);

function largeRunsFrom(args: readonly string[]): number | undefined {
  const at = args.indexOf('--large-runs');
  if (at === -1) return undefined;
  const runs = Number(args[at + 1]);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--large-runs needs a positive integer`);
  return runs;
}
