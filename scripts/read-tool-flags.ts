import { UsageError } from '../src/cli/usage-error.js';

/** Where a dev tool (bench, fuzz, soak) writes: its report on `out`, progress and errors on `err`. */
export interface ToolOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** A dev tool's command line: its name (the prefix of its errors), its help text and how it reads its flags. */
export interface ToolCommandLine<Flags> {
  readonly name: string;
  readonly usage: string;
  /** Reads the flags, or says `--help` was asked for; throws `UsageError` for a bad command line. */
  readonly parse: (argv: readonly string[]) => Flags | 'help';
}

/**
 * Reads a dev tool's flags, or answers the command line itself: `--help` prints the usage and gives exit
 * code 0; a `UsageError` prints `<name>: <message>`, a blank line and the usage on `err` and gives 2.
 *
 * @example
 * const read = readToolFlags(argv, { name: 'soak', usage: USAGE, parse: parseSoakFlags }, output);
 * if ('exitCode' in read) return read.exitCode;
 */
export function readToolFlags<Flags>(
  argv: readonly string[],
  commandLine: ToolCommandLine<Flags>,
  output: ToolOutput,
): { readonly flags: Flags } | { readonly exitCode: number } {
  let parsed: Flags | 'help';
  try {
    parsed = commandLine.parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${commandLine.name}: ${error.message}\n\n${commandLine.usage}\n`);
    return { exitCode: 2 };
  }
  if (parsed === 'help') {
    output.out(`${commandLine.usage}\n`);
    return { exitCode: 0 };
  }
  return { flags: parsed };
}
