import { describe, it, expect } from 'vitest';
import { parseCliArguments } from '../../src/cli/parse-cli-arguments.js';
import type { ServeOptions } from '../../src/cli/parse-serve-options.js';
import { UsageError } from '../../src/cli/usage-error.js';

/** Parses a command line that must start the server and returns its options. */
function serveOptions(argv: readonly string[]): ServeOptions {
  const request = parseCliArguments(argv);
  if (request.kind !== 'serve') throw new Error(`expected a serve request, got ${request.kind}`);
  return request.options;
}

/** Parses a command line that must be rejected and returns the `UsageError`'s message. */
function usageErrorMessage(argv: readonly string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}, but it was accepted`);
}

/** What serve does when only the dataset and the socket are chosen. */
const PLAIN_SERVE = {
  profile: 'contract',
  latency: undefined,
  errorRate: undefined,
  live: undefined,
  fixtures: undefined,
  quiet: false,
  apiKey: undefined,
  lenient: false,
} as const;

describe('parseCliArguments', () => {
  describe('for the serve command', () => {
    it('serves with the documented defaults when given no arguments', () => {
      const options = serveOptions([]);
      expect(options).toEqual({
        port: 2024,
        host: '127.0.0.1',
        seed: 42,
        threads: 20,
        anchor: undefined,
        datasetFile: undefined,
        ...PLAIN_SERVE,
      });
      expect(options.anchor).toBeUndefined();
    });

    it('reads the port and the seed after the serve command', () => {
      expect(serveOptions(['serve', '--port', '0', '--seed', '7'])).toEqual({
        port: 0,
        host: '127.0.0.1',
        seed: 7,
        threads: 20,
        anchor: undefined,
        datasetFile: undefined,
        ...PLAIN_SERVE,
      });
    });

    it('treats flags without a command as serve flags', () => {
      expect(serveOptions(['--port', '0', '--seed', '7'])).toEqual(
        serveOptions(['serve', '--port', '0', '--seed', '7']),
      );
    });

    it('reads every option, in the --flag=value form too', () => {
      expect(serveOptions(['--port=8123', '--host', '0.0.0.0', '--seed=0', '--threads', '0'])).toEqual({
        port: 8123,
        host: '0.0.0.0',
        seed: 0,
        threads: 0,
        anchor: undefined,
        datasetFile: undefined,
        ...PLAIN_SERVE,
      });
    });

    it('accepts the largest port', () => {
      expect(serveOptions(['--port', '65535']).port).toBe(65_535);
    });

    it('keeps --anchor now as the word now', () => {
      expect(serveOptions(['--anchor', 'now']).anchor).toBe('now');
    });

    it.each([
      { name: 'a UTC date-time', value: '2026-01-15T08:30:00Z', epochMillis: Date.UTC(2026, 0, 15, 8, 30) },
      {
        name: 'a date-time with an offset',
        value: '2026-01-15T10:30:00+02:00',
        epochMillis: Date.UTC(2026, 0, 15, 8, 30),
      },
      { name: 'a date alone', value: '2026-01-15', epochMillis: Date.UTC(2026, 0, 15) },
    ])('reads --anchor as $name', ({ value, epochMillis }) => {
      const { anchor } = serveOptions(['--anchor', value]);
      expect(anchor).toBeInstanceOf(Date);
      expect(anchor instanceof Date ? anchor.getTime() : undefined).toBe(epochMillis);
    });
  });

  describe('for help and version', () => {
    it.each([['-h'], ['--help'], ['serve', '--help'], ['--port', '0', '-h']])(
      'asks for help given %s',
      (...argv) => {
        expect(parseCliArguments(argv)).toEqual({ kind: 'help' });
      },
    );

    it.each([['-v'], ['--version'], ['serve', '-v']])('asks for the version given %s', (...argv) => {
      expect(parseCliArguments(argv)).toEqual({ kind: 'version' });
    });
  });

  describe('with a bad command line', () => {
    // The CLI prints the message after "langgraph-mock: " and then the usage, so it must fit on one line.
    it.each([
      { name: 'an unknown command', argv: ['stop'], mentions: ['stop'] },
      { name: 'an unknown flag', argv: ['--bogus'], mentions: ['--bogus'] },
      { name: 'an unknown flag after serve', argv: ['serve', '--bogus'], mentions: ['--bogus'] },
      { name: 'an unknown short flag', argv: ['-x'], mentions: ['-x'] },
      { name: 'a stray positional argument', argv: ['serve', 'extra'], mentions: ['extra'] },
      { name: 'a missing value', argv: ['--port'], mentions: ['--port'] },
      { name: '--port 70000', argv: ['--port', '70000'], mentions: ['--port', '70000'] },
      { name: '--port abc', argv: ['--port', 'abc'], mentions: ['--port', 'abc'] },
      { name: 'an empty --port', argv: ['--port', ''], mentions: ['--port'] },
      { name: '--seed -1', argv: ['--seed', '-1'], mentions: ['--seed'] },
      { name: '--seed=-1', argv: ['--seed=-1'], mentions: ['--seed', '-1'] },
      { name: '--threads 1.5', argv: ['--threads', '1.5'], mentions: ['--threads', '1.5'] },
      { name: '--anchor yesterday', argv: ['--anchor', 'yesterday'], mentions: ['--anchor', 'yesterday'] },
      { name: 'an empty --host', argv: ['--host', ''], mentions: ['--host'] },
      { name: 'a blank --host', argv: ['--host', '  '], mentions: ['--host'] },
    ])('throws a one-line UsageError naming the problem for $name', ({ argv, mentions }) => {
      const message = usageErrorMessage(argv);
      for (const fragment of mentions) expect(message).toContain(fragment);
      expect(message).not.toContain('\n');
    });
  });
});

describe('parseCliArguments for the simulation and fixture flags', () => {
  it('reads --profile, --latency, --error-rate, --live and its settings, --fixtures and --quiet', () => {
    const request = parseCliArguments([
      'serve',
      '--profile',
      'agent-server',
      '--latency',
      '100-400',
      '--error-rate',
      '0.05',
      '--live',
      '--live-running-ms',
      '500',
      '--fixtures',
      'x.json',
      '--quiet',
    ]);
    expect(request).toMatchObject({
      kind: 'serve',
      options: {
        profile: 'agent-server',
        latency: { minMs: 100, maxMs: 400 },
        errorRate: 0.05,
        live: { runningMs: 500 },
        fixtures: 'x.json',
        quiet: true,
      },
    });
  });

  it('takes a fixed --latency as a range of one value, and defaults to the contract profile', () => {
    expect(parseCliArguments(['--latency', '200'])).toMatchObject({
      options: { latency: { minMs: 200, maxMs: 200 }, profile: 'contract', live: undefined, quiet: false },
    });
  });

  it.each([
    ['--profile nope', ['--profile', 'nope'], '--profile must be one of contract, agent-server'],
    ['--latency 400-100', ['--latency', '400-100'], '--latency must be'],
    ['--latency fast', ['--latency', 'fast'], '--latency must be'],
    ['--error-rate 2', ['--error-rate', '2'], '--error-rate must be a number from 0 to 1'],
    ['--live-running-ms without --live', ['--live-running-ms', '5'], 'needs --live'],
    ['--fixtures with no file', ['--fixtures', ''], '--fixtures must name a file'],
  ])('rejects %s', (_name, argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(message);
  });

  it('parses export with the dataset flags and --output', () => {
    expect(parseCliArguments(['export', '--seed', '9', '--threads', '0', '--output', 'x.json'])).toEqual({
      kind: 'export',
      options: {
        seed: 9,
        threads: 0,
        anchor: undefined,
        datasetFile: undefined,
        output: 'x.json',
        threadIds: [],
        scenariosOnly: false,
        maxRuns: Number.POSITIVE_INFINITY,
      },
    });
  });

  it('caps export at 100 runs per thread with --scenarios-only, and at --max-runs whenever given', () => {
    expect(parseCliArguments(['export', '--scenarios-only'])).toMatchObject({
      options: { scenariosOnly: true, maxRuns: 100 },
    });
    expect(parseCliArguments(['export', '--scenarios-only', '--max-runs', '10000'])).toMatchObject({
      options: { scenariosOnly: true, maxRuns: 10_000 },
    });
    expect(parseCliArguments(['export', '--max-runs', '0'])).toMatchObject({
      options: { scenariosOnly: false, maxRuns: 0 },
    });
  });

  it.each(['-1', '1.5', 'all', ''])('rejects export --max-runs %j', (value) => {
    expect(() => parseCliArguments(['export', '--max-runs', value])).toThrow(
      `--max-runs must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}, got '${value}'`,
    );
  });

  it('reads export --thread as often as given, lower-cased and each once, and --scenarios-only', () => {
    const upper = '00000000-0000-4000-8000-00000000000A';
    const other = '00000000-0000-4000-8000-000000000003';
    expect(
      parseCliArguments(['export', '--thread', upper, '--thread', other, '--thread', upper.toLowerCase()]),
    ).toMatchObject({
      kind: 'export',
      options: { threadIds: [upper.toLowerCase(), other], scenariosOnly: false },
    });
    expect(parseCliArguments(['export', '--scenarios-only'])).toMatchObject({
      options: { threadIds: [], scenariosOnly: true },
    });
  });

  it('rejects an export --thread that is not a thread id', () => {
    expect(() => parseCliArguments(['export', '--thread', 'long'])).toThrow(
      "--thread must be a thread id (a UUID), got 'long'",
    );
  });
});

describe('parseCliArguments with a flag given twice', () => {
  it.each([
    [
      '--port abc --port 31002',
      ['--port', 'abc', '--port', '31002'],
      "--port is given twice ('abc', then '31002')",
    ],
    [
      '--seed=1 --seed 2 after serve',
      ['serve', '--seed=1', '--seed', '2'],
      "--seed is given twice ('1', then '2')",
    ],
    ['--live twice', ['--live', '--live'], '--live is given twice'],
    [
      '--threads with a negative second value',
      ['--threads', '3', '--threads', '-1'],
      '--threads is given twice',
    ],
    [
      'export --output twice',
      ['export', '--output', 'a.json', '--output', 'b.json'],
      '--output is given twice',
    ],
  ])('rejects %s instead of keeping the last value', (_name, argv, message) => {
    const error = usageErrorMessage(argv);
    expect(error).toContain(message);
    expect(error).not.toContain('\n');
  });

  it('lets --help be given twice', () => {
    expect(parseCliArguments(['-h', '--help'])).toEqual({ kind: 'help' });
  });
});
