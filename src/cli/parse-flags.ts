import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/** How each flag is read, in `node:util` parseArgs' own terms (`type`, `short`, `multiple`). */
export type FlagOptions = Readonly<Record<string, FlagOption>>;

/** One flag's parseArgs option config. */
export type FlagOption = NonNullable<ParseArgsConfig['options']>[string];

/**
 * The values of a command line, typed from its `FlagOptions`: a string flag gives a string, a boolean
 * flag `true`, a `multiple` flag an array of either; a flag not given is absent.
 */
export type FlagValues<O extends FlagOptions> = {
  readonly [Name in keyof O]?: O[Name]['multiple'] extends true
    ? readonly FlagValue<O[Name]>[]
    : FlagValue<O[Name]>;
};

type FlagValue<Option extends FlagOption> = Option['type'] extends 'string' ? string : boolean;

/** A parsed command line. */
export interface ParsedFlags<O extends FlagOptions> {
  readonly values: FlagValues<O>;
  readonly positionals: readonly string[];
}

/** `-h`/`--help`, which every command line here accepts. */
export const HELP_FLAG = { help: { type: 'boolean', short: 'h' } } as const satisfies FlagOptions;

/** `--help` and `-v`/`--version`, which every `langgraph-mock` command accepts. */
export const COMMAND_FLAGS = {
  ...HELP_FLAG,
  version: { type: 'boolean', short: 'v' },
} as const satisfies FlagOptions;

// Asking for help (or the version) twice still asks for it.
const MAY_REPEAT = new Set(['help', 'version']);

/**
 * Runs `node:util` parseArgs strictly over a command line and keeps its types: the values are typed from
 * `options`. Parse errors become one-line `UsageError`s. A flag given twice is one too, unless it is
 * `multiple` (or `--help`/`--version`): parseArgs would keep the last value, so `--port abc --port 31002`
 * would start on 31002 and hide the typo. The CLI, the bench, the fuzz and the soak all read their
 * flags with it.
 *
 * @example
 * const { values } = parseFlags(['--port', '0'], { ...HELP_FLAG, port: { type: 'string' } });
 * values.port; // '0', typed string | undefined
 */
export function parseFlags<const O extends FlagOptions>(
  args: readonly string[],
  options: O,
  { allowPositionals = false }: { readonly allowPositionals?: boolean } = {},
): ParsedFlags<O> {
  let parsed;
  try {
    parsed = parseArgs({
      args: attachNegativeValues(args),
      strict: true,
      allowPositionals,
      tokens: true,
      options,
    });
  } catch (error) {
    // parseArgs explains some errors over several lines; the tools promise one.
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  rejectRepeatedFlags(parsed.tokens, options);
  return { values: parsed.values, positionals: parsed.positionals };
}

/** Throws a `UsageError` for the first flag given twice that may not repeat. */
function rejectRepeatedFlags(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  options: FlagOptions,
): void {
  const firstValues = new Map<string, string | undefined>();
  for (const token of tokens) {
    const name = token.kind === 'option' ? token.name : undefined;
    if (name === undefined || MAY_REPEAT.has(name) || options[name]?.multiple === true) continue;
    if (!firstValues.has(name)) {
      firstValues.set(name, token.value);
      continue;
    }
    const first = firstValues.get(name);
    const values =
      first === undefined || token.value === undefined ? '' : ` ('${first}', then '${token.value}')`;
    throw new UsageError(`--${name} is given twice${values}; give it once`);
  }
}

/**
 * `--seed -1` would make parseArgs complain of an "ambiguous" option; joining it as `--seed=-1` lets the
 * range checks say what is really wrong.
 */
function attachNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (/^--[a-z-]+$/.test(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** The bounds of `integerFlag`, and its value when the flag is absent. */
export interface IntegerRange {
  readonly fallback: number;
  /** Default 0. */
  readonly min?: number;
  readonly max: number;
}

/** A whole number flag within [min, max], or `fallback` when absent. */
export function integerFlag(flag: string, value: string | undefined, range: IntegerRange): number {
  if (value === undefined) return range.fallback;
  const min = range.min ?? 0;
  const number = (min < 0 ? /^-?[0-9]+$/ : /^[0-9]+$/).test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= range.max))
    throw new UsageError(`${flag} must be an integer from ${min} to ${range.max}, got '${value}'`);
  return number;
}

/** A decimal flag within [min, max], or undefined when absent. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max))
    throw new UsageError(`${flag} must be a number from ${min} to ${max}, got '${value}'`);
  return number;
}
