import { describe, it, expect } from 'vitest';
import { parseCheckOptions, type CheckOptions } from '../../src/cli/parse-check-options.js';
import { UsageError } from '../../src/cli/usage-error.js';

const URL_ARG = 'http://127.0.0.1:2024';

function options(args: readonly string[]): CheckOptions {
  const parsed = parseCheckOptions([URL_ARG, ...args]);
  if (typeof parsed === 'string') throw new Error(`expected options, got ${parsed}`);
  return parsed;
}

describe('parseCheckOptions', () => {
  it('checks at the semantics level, 200 queries, 3 examples a finding, no baseline, by default', () => {
    expect(options([])).toMatchObject({
      level: 'semantics',
      queries: 200,
      maxExamples: 3,
      baseline: undefined,
      seed: 1,
    });
  });

  it('reads --level, --queries, --max-examples, --seed and --baseline', () => {
    expect(
      options([
        '--level',
        'strict',
        '--queries',
        '500',
        '--max-examples',
        '1',
        '--seed',
        '9',
        '--baseline',
        'known.json',
      ]),
    ).toMatchObject({ level: 'strict', queries: 500, maxExamples: 1, seed: 9, baseline: 'known.json' });
  });

  it.each([
    { args: ['--level', 'lax'], message: "--level must be one of spec, semantics, strict, got 'lax'" },
    { args: ['--queries', 'many'], message: "--queries must be an integer from 0 to 100000, got 'many'" },
    { args: ['--max-examples', '-1'], message: "--max-examples must be an integer from 0 to 1000, got '-1'" },
    { args: ['--baseline', ''], message: '--baseline must not be empty' },
  ])('rejects $args', ({ args, message }) => {
    expect(() => options(args)).toThrow(UsageError);
    expect(() => options(args)).toThrow(message);
  });
});
