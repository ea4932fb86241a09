import { describe, expect, it } from 'vitest';
import { parseRedactPath, placeholderFor, redactRun } from '../../src/record/redact-path.js';

const run = {
  run_id: 'r',
  kwargs: {
    input: {
      messages: [
        { role: 'user', content: 'my card is 4242' },
        { role: 'ai', content: 'ok' },
      ],
    },
    count: 3,
    flag: true,
    none: null,
  },
  metadata: { user: { email: 'a@example.com' }, team: { email: 'b@example.com' } },
};

describe('placeholderFor', () => {
  it.each([
    ['a string', 'secret', '[redacted]'],
    ['a number', 42, 0],
    ['a boolean', true, false],
    ['null', null, null],
    ['an array', [1, 2], []],
    ['an object', { a: 1 }, {}],
  ])('keeps the JSON type of %s', (_name, value, placeholder) => {
    expect(placeholderFor(value)).toEqual(placeholder);
  });
});

describe('redactRun', () => {
  it('replaces the value at a path and nothing else', () => {
    const redacted = redactRun(run, [parseRedactPath('kwargs.input')]);
    expect(redacted['kwargs']).toEqual({ input: {}, count: 3, flag: true, none: null });
    expect(redacted['metadata']).toEqual(run.metadata);
  });

  it('follows * through keys and array items', () => {
    const redacted = redactRun(run, [
      parseRedactPath('kwargs.input.messages.*.content'),
      parseRedactPath('metadata.*.email'),
    ]);
    expect(redacted).toMatchObject({
      kwargs: {
        input: {
          messages: [
            { role: 'user', content: '[redacted]' },
            { role: 'ai', content: '[redacted]' },
          ],
        },
      },
      metadata: { user: { email: '[redacted]' }, team: { email: '[redacted]' } },
    });
  });

  it('leaves the run as it is when a path leads nowhere, and never changes its input', () => {
    const before = JSON.stringify(run);
    expect(
      redactRun(run, [parseRedactPath('kwargs.missing.deeper'), parseRedactPath('kwargs.count.x')]),
    ).toEqual(run);
    redactRun(run, [parseRedactPath('kwargs')]);
    expect(JSON.stringify(run)).toBe(before);
  });

  it('keeps a key named __proto__ a plain key', () => {
    const hostile = JSON.parse('{"run_id":"r","kwargs":{"__proto__":{"polluted":"yes"}}}') as Record<
      string,
      unknown
    >;
    const redacted = redactRun(hostile, [parseRedactPath('kwargs.__proto__.polluted')]);
    expect(Object.hasOwn(redacted['kwargs'] as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseRedactPath', () => {
  it.each([
    ['an empty segment', 'kwargs..input', /dotted path/],
    ['a field Run does not have', 'input', /must start with a Run field/],
    ['a field the replay needs', 'run_id', /cannot hide run_id/],
    ['the status', 'status', /cannot hide status/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseRedactPath(text)).toThrow(message);
  });
});
