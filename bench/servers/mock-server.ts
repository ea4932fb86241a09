// The mock, as `createMockServer` serves it, in a process of its own. With `--large-runs <n>` it serves the
// bench dataset (the shipped threads plus an n-run and a 10-run thread); without, the shipped dataset.
import { integerFlag, parseFlags } from '../../src/cli/parse-flags.js';
import { createMockServer } from '../../src/http/create-mock-server.js';
import { createBenchDataset } from '../bench-dataset.js';
import { exitWithParent } from './exit-with-parent.js';

exitWithParent();
const { values } = parseFlags(process.argv.slice(2), { 'large-runs': { type: 'string' } });
const largeRuns = integerFlag('--large-runs', values['large-runs'], { fallback: 0, max: 100_000_000 });
const server = await createMockServer(largeRuns === 0 ? {} : { dataset: createBenchDataset(largeRuns) });
process.stdout.write(`mock listening on ${server.url}\n`);
