import { describe, expect, expectTypeOf, it } from 'vitest';
import { COMMAND_FLAGS, HELP_FLAG, integerFlag, parseFlags } from '../../src/cli/parse-flags.js';
import { UsageError } from '../../src/cli/usage-error.js';

const OPTIONS = {
  ...HELP_FLAG,
  port: { type: 'string' },
  quiet: { type: 'boolean' },
  thread: { type: 'string', multiple: true },
} as const;

describe('parseFlags', () => {
  it('types each value from its option config', () => {
    const { values } = parseFlags(['--port', '0', '--quiet', '--thread', 'a', '--thread', 'b'], OPTIONS);
    expect(values).toEqual({ port: '0', quiet: true, thread: ['a', 'b'] });
    expectTypeOf(values.port).toEqualTypeOf<string | undefined>();
    expectTypeOf(values.quiet).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(values.thread).toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf(values.help).toEqualTypeOf<boolean | undefined>();
  });

  it('leaves a flag that was not given absent', () => {
    expect(parseFlags([], OPTIONS).values).toEqual({});
  });

  it('keeps positionals only when they are allowed', () => {
    expect(parseFlags(['http://x'], OPTIONS, { allowPositionals: true }).positionals).toEqual(['http://x']);
    expect(() => parseFlags(['http://x'], OPTIONS)).toThrow(UsageError);
  });

  it('attaches a negative value to its flag instead of calling it ambiguous', () => {
    expect(parseFlags(['--port', '-1'], OPTIONS).values.port).toBe('-1');
  });

  it.each([
    { name: 'an unknown flag', argv: ['--bogus'], message: "Unknown option '--bogus'" },
    {
      name: 'a value flag twice',
      argv: ['--port', 'abc', '--port', '1'],
      message: "--port is given twice ('abc', then '1'); give it once",
    },
    {
      name: 'a boolean flag twice',
      argv: ['--quiet', '--quiet'],
      message: '--quiet is given twice; give it once',
    },
  ])('throws a one-line UsageError for $name', ({ argv, message }) => {
    expect(() => parseFlags(argv, OPTIONS)).toThrow(new UsageError(message));
  });

  it('lets a multiple flag, --help and --version repeat', () => {
    expect(parseFlags(['-h', '--help'], COMMAND_FLAGS).values.help).toBe(true);
    expect(parseFlags(['-v', '--version'], COMMAND_FLAGS).values.version).toBe(true);
    expect(parseFlags(['--thread', 'a', '--thread', 'a'], OPTIONS).values.thread).toEqual(['a', 'a']);
  });
});

describe('integerFlag', () => {
  it('gives the fallback when the flag is absent, else the number', () => {
    expect(integerFlag('--port', undefined, { fallback: 2024, max: 65_535 })).toBe(2024);
    expect(integerFlag('--port', '0', { fallback: 2024, max: 65_535 })).toBe(0);
    expect(integerFlag('--seed', '-5', { fallback: 1, min: -10, max: 10 })).toBe(-5);
  });

  it.each([
    { name: 'a negative number when the range starts at 0', value: '-1', range: { fallback: 0, max: 9 } },
    { name: 'a number below min', value: '0', range: { fallback: 1, min: 1, max: 9 } },
    { name: 'a number above max', value: '10', range: { fallback: 1, min: 1, max: 9 } },
    { name: 'a decimal', value: '1.5', range: { fallback: 1, max: 9 } },
    { name: 'text', value: 'abc', range: { fallback: 1, max: 9 } },
  ])('rejects $name, naming the range', ({ value, range }) => {
    expect(() => integerFlag('--n', value, range)).toThrow(
      new UsageError(`--n must be an integer from ${range.min ?? 0} to ${range.max}, got '${value}'`),
    );
  });
});
