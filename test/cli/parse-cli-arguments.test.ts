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

describe('parseCliArguments', () => {
  describe('for the serve command', () => {
    it('serves with the documented defaults when given no arguments', () => {
      const options = serveOptions([]);
      expect(options).toEqual({ port: 2024, host: '127.0.0.1', seed: 42, threads: 20, anchor: undefined });
      expect(options.anchor).toBeUndefined();
    });

    it('reads the port and the seed after the serve command', () => {
      expect(serveOptions(['serve', '--port', '0', '--seed', '7'])).toEqual({
        port: 0,
        host: '127.0.0.1',
        seed: 7,
        threads: 20,
        anchor: undefined,
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
