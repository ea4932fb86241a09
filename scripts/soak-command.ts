import { HELP_FLAG, integerFlag, parseFlags } from '../src/cli/parse-flags.js';
import { formatSoakReport, soakPassed } from './format-soak-report.js';
import { readToolFlags, type ToolOutput } from './read-tool-flags.js';
import { runSoak } from './run-soak.js';

const MAX_SECONDS = 3600;
const MAX_CONNECTIONS = 256;

const USAGE = `Usage: npm run soak -- [--seconds N] [--connections C] [--json]

Starts the mock in a child process on 127.0.0.1 and loads it for N seconds (default 60, at most
${MAX_SECONDS}) over C connections (default 10, at most ${MAX_CONNECTIONS}) with a rotation of valid and
invalid requests; reports requests, answers by status, unexpected statuses, p50/p99 latency and the
server's RSS at warm-up and at the end.
  --json   print the report as JSON
Exit code 0 when no status was unexpected, no connection failed and RSS grew at most 10%; 1 otherwise;
2 for a bad command line.`;

/**
 * `npm run soak`: parses the flags, runs the soak against the CLI in `cliScript`, prints the report and
 * returns the exit code.
 */
export async function soakCommand(
  argv: readonly string[],
  output: ToolOutput,
  cliScript: URL,
): Promise<number> {
  const read = readToolFlags(argv, { name: 'soak', usage: USAGE, parse: parseSoakFlags }, output);
  if ('exitCode' in read) return read.exitCode;
  const { flags } = read;
  if (!flags.json) output.err(`soaking for ${flags.seconds} s over ${flags.connections} connections…\n`);
  const report = await runSoak({ seconds: flags.seconds, connections: flags.connections, cliScript });
  output.out(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatSoakReport(report));
  return soakPassed(report) ? 0 : 1;
}

function parseSoakFlags(
  argv: readonly string[],
): { seconds: number; connections: number; json: boolean } | 'help' {
  const { values } = parseFlags(argv, {
    ...HELP_FLAG,
    seconds: { type: 'string' },
    connections: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return 'help';
  return {
    seconds: integerFlag('--seconds', values.seconds, { fallback: 60, min: 1, max: MAX_SECONDS }),
    connections: integerFlag('--connections', values.connections, {
      fallback: 10,
      min: 1,
      max: MAX_CONNECTIONS,
    }),
    json: values.json === true,
  };
}
