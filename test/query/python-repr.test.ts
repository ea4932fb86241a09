import { describe, it, expect } from 'vitest';
import { pythonListRepr, pythonRepr } from '../../src/query/python-repr.js';

// Expected values are what CPython 3 prints for repr(text).
describe('pythonRepr', () => {
  it.each([
    { name: 'plain text', text: 'abc', repr: "'abc'" },
    { name: 'an empty string', text: '', repr: "''" },
    { name: 'a double quote', text: 'say "hi"', repr: `'say "hi"'` },
    { name: 'a single quote', text: "it's", repr: `"it's"` },
    { name: 'both kinds of quote', text: `it's "x"`, repr: `'it\\'s "x"'` },
    { name: 'a backslash', text: 'a\\b', repr: "'a\\\\b'" },
    { name: 'a backslash and a single quote', text: "a\\b's", repr: `"a\\\\b's"` },
    { name: 'a newline', text: 'line1\nline2', repr: "'line1\\nline2'" },
    { name: 'a carriage return and a tab', text: 'a\r\tb', repr: "'a\\r\\tb'" },
    { name: 'non-ASCII letters', text: 'café', repr: "'café'" },
  ])('quotes $name as Python does', ({ text, repr }) => {
    expect(pythonRepr(text)).toBe(repr);
  });
});

describe('pythonListRepr', () => {
  it('joins the quoted items with a comma and a space inside brackets', () => {
    expect(pythonListRepr(['a', 'b'])).toBe("['a', 'b']");
  });

  it('prints an empty list as []', () => {
    expect(pythonListRepr([])).toBe('[]');
  });

  it('quotes each item on its own, as repr does', () => {
    expect(pythonListRepr(["it's", 'x\ny'])).toBe(`["it's", 'x\\ny']`);
  });
});

describe('pythonRepr of unprintable characters', () => {
  it('writes C0, DEL, C1, no-break space and soft hyphen as \\xNN, as CPython does', () => {
    // python3 -c "print(repr('\x0b1.5\xa0\xad\x7f\x00'))"
    expect(pythonRepr('\u000b1.5\u00a0\u00ad\u007f\u0000')).toBe("'\\x0b1.5\\xa0\\xad\\x7f\\x00'");
  });
});

describe('pythonRepr of characters str.isprintable() rejects', () => {
  // Each expected value is repr(text) from python3.11.
  it.each([
    { name: 'an ideographic space (Zs)', text: 'a\u3000b', repr: "'a\\u3000b'" },
    { name: 'a zero-width space (Cf)', text: '\u200b', repr: "'\\u200b'" },
    { name: 'a byte order mark (Cf)', text: '\ufeff1', repr: "'\\ufeff1'" },
    {
      name: 'a line separator (Zl), an unassigned code point, a private use one',
      text: '\u2028\u0378\ue000',
      repr: "'\\u2028\\u0378\\ue000'",
    },
    { name: 'an astral format character', text: '\u{e0001}', repr: "'\\U000e0001'" },
    { name: 'an en space and a narrow no-break space', text: '\u2002\u202f', repr: "'\\u2002\\u202f'" },
  ])('escapes $name by code point', ({ text, repr }) => {
    expect(pythonRepr(text)).toBe(repr);
  });

  it.each([
    { name: 'an emoji', text: '\u{1f600}', repr: "'\u{1f600}'" },
    { name: 'Arabic-Indic digits', text: '\u0663\u0664', repr: "'\u0663\u0664'" },
    { name: 'a plain space', text: 'a b', repr: "'a b'" },
  ])('keeps $name as it is, as Python prints it', ({ text, repr }) => {
    expect(pythonRepr(text)).toBe(repr);
  });
});
