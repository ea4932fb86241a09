import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** The flags every command accepts. */
const COMMON_FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** A parsed command line, read flag by flag. */
export interface ParsedFlags {
  /** The value of a string flag, or undefined when absent. */
  string(name: string): string | undefined;
  /** Every value of a repeatable string flag, in the order given (none when absent). */
  strings(name: string): readonly string[];
  /** Whether a boolean flag (`--help`, `--version`, or one named in `booleanFlags`) was given. */
  has(name: string): boolean;
  readonly positionals: readonly string[];
}

/**
 * Runs `node:util` parseArgs strictly over one command's arguments: every name in `stringFlags` takes a
 * value, those in `booleanFlags` take none, `--help` and `--version` are added, and parse errors become
 * one-line `UsageError`s. A flag given twice is one too, unless it is in `repeatableFlags` (string flags
 * read with `strings`): parseArgs would keep the last value, so `--port abc --port 31002` would start
 * on 31002 and hide the typo.
 */
export function parseFlags(
  args: readonly string[],
  stringFlags: readonly string[],
  allowPositionals = false,
  booleanFlags: readonly string[] = [],
  repeatableFlags: readonly string[] = [],
): ParsedFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args: attachNegativeValues(args),
      strict: true,
      allowPositionals,
      tokens: true,
      options: {
        ...Object.fromEntries(stringFlags.map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(
          repeatableFlags.map((name) => [name, { type: 'string' as const, multiple: true as const }]),
        ),
        ...Object.fromEntries(booleanFlags.map((name) => [name, { type: 'boolean' as const }])),
        ...COMMON_FLAGS,
      },
    });
  } catch (error) {
    // parseArgs explains some errors over several lines; the CLI promises one.
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  rejectRepeatedFlags(parsed.tokens, repeatableFlags);
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  return {
    string: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    strings: (name) => {
      const value = values[name];
      return Array.isArray(value) ? value : [];
    },
    has: (name) => values[name] === true,
    positionals: parsed.positionals,
  };
}

/** Throws a `UsageError` for the first flag given twice that may not repeat (`--help` and `--version` may). */
function rejectRepeatedFlags(
  tokens: readonly { kind: string; name?: string; value?: string | undefined }[],
  repeatableFlags: readonly string[],
): void {
  const firstValues = new Map<string, string | undefined>();
  for (const token of tokens) {
    const name = token.kind === 'option' ? token.name : undefined;
    if (name === undefined || name in COMMON_FLAGS || repeatableFlags.includes(name)) continue;
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

/** A whole number flag within [0, max], or `fallback` when absent. */
export function integerFlag(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number <= max)) throw new UsageError(`${flag} must be an integer from 0 to ${max}, got '${value}'`);
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
