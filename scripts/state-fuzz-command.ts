import { HELP_FLAG, integerFlag, parseFlags } from '../src/cli/parse-flags.js';
import { UsageError } from '../src/cli/usage-error.js';
import { countServerErrors, formatCounts } from './format-counts.js';
import { readToolFlags, type ToolOutput } from './read-tool-flags.js';
import { seedFlag } from './seed-flag.js';
import { replayCommand, runStateFuzz, type StateFuzzReport } from './state-fuzz/run-state-fuzz.js';

const USAGE = `Usage: npm run fuzz -- --state [--sequences N] [--max-commands M] [--seed S] [--path P --replay-path R]
                                [--no-shrink]

Model-based fuzz of the mock's state: fast-check draws N sequences (default 20000) of up to M commands
(default 20) of control API writes (threads created and deleted; runs appended alone and in batches with
hostile values; PATCH, DELETE, reset) and List Runs reads with every parameter combination, runs them
over HTTP against a mock on 127.0.0.1, and checks every step against a plain model. Fails on any 5xx or
any divergence, printing the failing sequence and the command that replays it.
  --seed S          seed of the sequences (default: random, printed)
  --path P          with --seed and --replay-path: replay the failure fast-check reported
  --replay-path R   fast-check's replay hint for the failing command list
  --no-shrink       report the first failing sequence as drawn, without shrinking it
Exit code 0 when every sequence passed, 1 when one failed, 2 for a bad command line.`;

interface StateFuzzFlags {
  readonly sequences: number;
  readonly maxCommands: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly replayPath: string | undefined;
  readonly shrink: boolean;
}

/** `npm run fuzz -- --state`: runs the model-based state fuzz and prints its report. Returns the exit code. */
export async function stateFuzzCommand(argv: readonly string[], output: ToolOutput): Promise<number> {
  const read = readToolFlags(argv, { name: 'fuzz', usage: USAGE, parse: parseStateFuzzFlags }, output);
  if ('exitCode' in read) return read.exitCode;
  const { flags } = read;
  output.err(
    `state fuzz: ${flags.sequences} sequences of up to ${flags.maxCommands} commands, seed ${flags.seed} ` +
      `(replay: npm run fuzz -- --state --seed ${flags.seed} --sequences ${flags.sequences} --max-commands ${flags.maxCommands})\n`,
  );
  const report = await runStateFuzz({
    ...flags,
    onProgress: (done) => {
      if (done % 2000 === 0) output.err(`  ${done}/${flags.sequences}\n`);
    },
  });
  output.out(formatStateFuzzReport(report, flags.maxCommands));
  return report.failure === undefined && report.serverErrors.length === 0 ? 0 : 1;
}

/** The report as text: counts by status and by command, 5xx, and the failure with its replay command. */
export function formatStateFuzzReport(report: StateFuzzReport, maxCommands: number): string {
  const serverErrors = countServerErrors(report.byStatus);
  const lines = [
    `state fuzz: ${report.sequences} sequences, ${report.commands} commands, seed ${report.seed}, ${(report.durationMs / 1000).toFixed(1)} s`,
    `by command: ${formatCounts(report.byCommand)}`,
    `by status:  ${formatCounts(report.byStatus)}`,
    `5xx:        ${serverErrors}`,
    `errors logged by the server: ${report.serverErrors.length}`,
    ...report.serverErrors.slice(0, 3).map((message) => `  ${message.split('\n')[0] ?? ''}`),
    `divergences: ${report.failure === undefined ? 0 : 1}`,
  ];
  const { failure } = report;
  if (failure !== undefined) {
    lines.push(
      `  ${failure.message.split('\n').join('\n  ')}`,
      `  sequence: ${failure.commands.length > 4000 ? `${failure.commands.slice(0, 4000)}…` : failure.commands}`,
      `  seed ${failure.seed}, path ${failure.path}, replay path ${failure.replayPath ?? '(none)'}`,
      `  replay: ${replayCommand(failure, maxCommands)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function parseStateFuzzFlags(argv: readonly string[]): StateFuzzFlags | 'help' {
  const { values } = parseFlags(argv, {
    ...HELP_FLAG,
    state: { type: 'boolean' },
    sequences: { type: 'string' },
    'max-commands': { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    'replay-path': { type: 'string' },
    'no-shrink': { type: 'boolean' },
  });
  if (values.help === true) return 'help';
  if (values.path !== undefined && values.seed === undefined) {
    throw new UsageError('--path needs the --seed it came from');
  }
  if (values.path !== undefined && !/^\d+(:\d+)*$/.test(values.path)) {
    throw new UsageError(`--path must be fast-check's path (digits and colons), got '${values.path}'`);
  }
  return {
    sequences: integerFlag('--sequences', values.sequences, { fallback: 20_000, min: 1, max: 10_000_000 }),
    maxCommands: integerFlag('--max-commands', values['max-commands'], { fallback: 20, min: 1, max: 1000 }),
    seed: seedFlag(values.seed),
    path: values.path,
    replayPath: values['replay-path'],
    shrink: values['no-shrink'] !== true,
  };
}
