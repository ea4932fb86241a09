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
  /** Every value of a flag named in `repeatableFlags`, in the order given (empty when absent). */
  strings(name: string): readonly string[];
  /** Whether a boolean flag (`--help`, `--version`, or one named in `booleanFlags`) was given. */
  has(name: string): boolean;
  readonly positionals: readonly string[];
}

/**
 * Runs `node:util` parseArgs strictly over one command's arguments: every name in `stringFlags` takes a
 * value, those in `booleanFlags` take none, those in `repeatableFlags` take a value each time they are
 * given, `--help` and `--version` are added, and parse errors become one-line `UsageError`s.
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
      options: {
        ...Object.fromEntries(stringFlags.map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(booleanFlags.map((name) => [name, { type: 'boolean' as const }])),
        ...Object.fromEntries(
          repeatableFlags.map((name) => [name, { type: 'string' as const, multiple: true as const }]),
        ),
        ...COMMON_FLAGS,
      },
    });
  } catch (error) {
    // parseArgs explains some errors over several lines; the CLI promises one.
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
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
