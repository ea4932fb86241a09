import { describe, expect, it } from 'vitest';
import { parseCliArguments } from '../../src/cli/parse-cli-arguments.js';
import { UsageError } from '../../src/cli/usage-error.js';

function usageError(argv: readonly string[]): string {
  try {
    parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

const thread = '00000000-0000-4000-8000-000000000003';

describe('parseCliArguments for proxy', () => {
  it('proxies on the default port with the documented defaults', () => {
    expect(parseCliArguments(['proxy', '--target', 'https://example.com'])).toEqual({
      kind: 'proxy',
      options: {
        target: 'https://example.com',
        port: 2024,
        host: '127.0.0.1',
        apiKey: undefined,
        record: undefined,
        strict: false,
        timeoutMs: 30_000,
        redact: [],
      },
    });
  });

  it('reads every flag, --redact as often as given', () => {
    const request = parseCliArguments([
      'proxy',
      '--target=http://127.0.0.1:8123',
      '--port',
      '0',
      '--api-key',
      'k',
      '--record',
      'out.json',
      '--strict',
      '--timeout-ms',
      '500',
      '--redact',
      'kwargs.input',
      '--redact',
      'metadata.*.email',
    ]);
    expect(request).toMatchObject({
      kind: 'proxy',
      options: {
        port: 0,
        apiKey: 'k',
        record: 'out.json',
        strict: true,
        timeoutMs: 500,
        redact: [
          ['kwargs', 'input'],
          ['metadata', '*', 'email'],
        ],
      },
    });
  });

  it.each([
    ['no --target', ['proxy'], '--target <url> is required'],
    [
      '--redact without --record',
      ['proxy', '--target', 'http://x', '--redact', 'kwargs'],
      '--redact needs --record',
    ],
    [
      'a zero timeout',
      ['proxy', '--target', 'http://x', '--timeout-ms', '0'],
      '--timeout-ms must be from 1 to 600000',
    ],
    ['an empty key', ['proxy', '--target', 'http://x', '--api-key', ''], '--api-key must not be empty'],
  ])('refuses %s', (_name, argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('parseCliArguments for record', () => {
  it('takes each --thread-id once, in lower case', () => {
    const request = parseCliArguments([
      'record',
      '--target',
      'http://x',
      '--output',
      'r.json',
      '--thread-id',
      thread,
      '--thread-id',
      thread.toUpperCase(),
      '--thread-id',
      '00000000-0000-4000-8000-000000000004',
    ]);
    expect(request).toMatchObject({
      kind: 'record',
      options: { threadIds: [thread, '00000000-0000-4000-8000-000000000004'], output: 'r.json', redact: [] },
    });
  });

  it.each([
    [
      'no thread',
      ['record', '--target', 'http://x', '--output', 'r.json'],
      '--thread-id <uuid> is required (once per thread)',
    ],
    ['no output', ['record', '--target', 'http://x', '--thread-id', thread], '--output <file> is required'],
    ['no target', ['record', '--output', 'r.json', '--thread-id', thread], '--target <url> is required'],
  ])('refuses %s', (_name, argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('parseCliArguments for serve --lenient', () => {
  it('needs --fixtures', () => {
    expect(usageError(['serve', '--lenient'])).toBe('--lenient needs --fixtures');
    expect(parseCliArguments(['--fixtures', 'f.json', '--lenient'])).toMatchObject({
      options: { lenient: true },
    });
  });
});
