import { describe, expect, it } from 'vitest';
import { readToolFlags } from '../../scripts/read-tool-flags.js';
import { UsageError } from '../../src/cli/usage-error.js';

function collect(): {
  out: string[];
  err: string[];
  output: { out: (t: string) => void; err: (t: string) => void };
} {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (text) => out.push(text), err: (text) => err.push(text) } };
}

const commandLine = {
  name: 'tool',
  usage: 'Usage: tool [--n N]',
  parse: (argv: readonly string[]): { n: number } | 'help' => {
    if (argv.includes('--help')) return 'help';
    if (argv.includes('--bad')) throw new UsageError('--bad is not a flag');
    if (argv.includes('--boom')) throw new RangeError('a bug, not a usage error');
    return { n: argv.length };
  },
};

describe('readToolFlags', () => {
  it('gives the flags and prints nothing when they parse', () => {
    const { out, err, output } = collect();
    expect(readToolFlags(['--n', '3'], commandLine, output)).toEqual({ flags: { n: 2 } });
    expect([...out, ...err]).toEqual([]);
  });

  it('prints the usage on stdout and gives exit code 0 for --help', () => {
    const { out, err, output } = collect();
    expect(readToolFlags(['--help'], commandLine, output)).toEqual({ exitCode: 0 });
    expect(out).toEqual(['Usage: tool [--n N]\n']);
    expect(err).toEqual([]);
  });

  it('prints the error with the tool name and the usage on stderr and gives exit code 2', () => {
    const { out, err, output } = collect();
    expect(readToolFlags(['--bad'], commandLine, output)).toEqual({ exitCode: 2 });
    expect(err).toEqual(['tool: --bad is not a flag\n\nUsage: tool [--n N]\n']);
    expect(out).toEqual([]);
  });

  it('lets an error that is not a usage error through', () => {
    expect(() => readToolFlags(['--boom'], commandLine, collect().output)).toThrow(RangeError);
  });
});
