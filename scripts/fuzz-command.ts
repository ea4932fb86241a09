import { HELP_FLAG, integerFlag, parseFlags } from '../src/cli/parse-flags.js';
import { UsageError } from '../src/cli/usage-error.js';
import { createMockServer } from '../src/http/create-mock-server.js';
import { loadDatasetDefinition } from '../src/store/dataset-definition.js';
import { formatFuzzReport } from './format-fuzz-report.js';
import { readToolFlags, type ToolOutput } from './read-tool-flags.js';
import { runFuzz } from './run-fuzz.js';
import { seedFlag } from './seed-flag.js';

const USAGE = `Usage: npm run fuzz -- [--cases N] [--seed S] [--case I] [--concurrency C]

Sends N fast-check-generated raw requests (default 100000) to a mock started in this process on
127.0.0.1 and checks each answer: never a 5xx, List Runs answers pass the contract check, other errors
are {"detail": "..."}, no stack traces or file paths, and the server keeps answering.
  --seed S         seed of the generated requests (default: random, printed)
  --case I         replay case I of --seed S alone
  --concurrency C  requests in flight (default 8, at most 64)
  --state          the model-based fuzz of the mock's state instead (npm run fuzz -- --state --help)
Exit code 0 when every case passed, 1 when one failed, 2 for a bad command line.`;

/** Parsed fuzz flags. */
interface FuzzFlags {
  readonly cases: number;
  readonly seed: number;
  readonly first: number;
  readonly concurrency: number;
}

/**
 * `npm run fuzz`: starts the mock in-process on 127.0.0.1:0, runs the cases, prints the counts and every
 * failure with its replay command. Returns the exit code.
 */
export async function fuzzCommand(argv: readonly string[], output: ToolOutput): Promise<number> {
  if (argv.includes('--state')) {
    const { stateFuzzCommand } = await import('./state-fuzz-command.js');
    return stateFuzzCommand(argv, output);
  }
  const read = readToolFlags(argv, { name: 'fuzz', usage: USAGE, parse: parseFuzzFlags }, output);
  if ('exitCode' in read) return read.exitCode;
  const { flags } = read;
  const logged: string[] = [];
  const mock = await createMockServer({
    host: '127.0.0.1',
    port: 0,
    // The server logs unexpected errors before answering 500; they are shown with the failures.
    logError: (message) => logged.push(message),
  });
  const livenessThreadId = scenarioThreadId('all-statuses');
  output.err(`fuzzing ${mock.url} with seed ${flags.seed} (replay: npm run fuzz -- --seed ${flags.seed})\n`);
  try {
    const report = await runFuzz({
      baseUrl: mock.url,
      cases: flags.cases,
      seed: flags.seed,
      first: flags.first,
      concurrency: flags.concurrency,
      livenessEvery: Math.min(1000, Math.max(1, Math.floor(flags.cases / 10))),
      livenessThreadId,
      onProgress: (done) => {
        if (done % 20_000 === 0) output.err(`  ${done}/${flags.cases}\n`);
      },
    });
    output.out(formatFuzzReport(report, flags.concurrency));
    output.out(`errors logged by the server: ${logged.length}\n`);
    // One line per distinct message: the stacks are for the server's log, the first line names the error.
    const firstLines = [...new Set(logged.map((message) => message.split('\n')[0] ?? ''))];
    for (const line of firstLines.slice(0, 3)) {
      output.out(`  ${line.length > 160 ? `${line.slice(0, 160)}… (${line.length} characters)` : line}\n`);
    }
    if (firstLines.length > 3) output.out(`  … and ${firstLines.length - 3} other messages\n`);
    return report.failureCount === 0 && logged.length === 0 ? 0 : 1;
  } finally {
    await mock.close();
  }
}

function parseFuzzFlags(argv: readonly string[]): FuzzFlags | 'help' {
  const { values } = parseFlags(argv, {
    ...HELP_FLAG,
    cases: { type: 'string' },
    seed: { type: 'string' },
    case: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (values.help === true) return 'help';
  const first = integerFlag('--case', values.case, { fallback: 0, max: 2 ** 31 });
  if (values.case !== undefined && values.seed === undefined)
    throw new UsageError('--case needs the --seed it came from');
  return {
    cases:
      values.case === undefined
        ? integerFlag('--cases', values.cases, { fallback: 100_000, min: 1, max: 10_000_000 })
        : 1,
    seed: seedFlag(values.seed),
    first,
    concurrency: integerFlag('--concurrency', values.concurrency, { fallback: 8, min: 1, max: 64 }),
  };
}

function scenarioThreadId(name: string): string {
  const scenario = loadDatasetDefinition().scenarios.find((candidate) => candidate.name === name);
  if (scenario === undefined) throw new Error(`fixtures/dataset.json has no scenario '${name}'`);
  return scenario.threadId;
}
