import { describe, it, expect } from 'vitest';
import { parsePythonUuid } from '../../src/query/parse-python-uuid.js';

/**
 * Each `python` value is `str(uuid.UUID(text))` from CPython 3.11 (undefined: it raised ValueError),
 * produced by running python3 on every row.
 */
const AGREES_WITH_PYTHON: readonly { name: string; text: string; python: string | undefined }[] = [
  {
    name: 'the canonical form',
    text: 'abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'upper case',
    text: 'ABCDEF01-2345-6789-ABCD-EF0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'mixed case',
    text: 'AbCdEf01-2345-6789-aBcD-eF0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'no hyphens',
    text: 'abcdef0123456789abcdef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'upper case without hyphens',
    text: 'ABCDEF0123456789ABCDEF0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'braces',
    text: '{abcdef01-2345-6789-abcd-ef0123456789}',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a urn:uuid: prefix',
    text: 'urn:uuid:abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a uuid: prefix alone',
    text: 'uuid:abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a urn: prefix alone',
    text: 'urn:abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a urn:uuid: prefix inside braces',
    text: '{urn:uuid:abcdef01-2345-6789-abcd-ef0123456789}',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'braces inside a urn:uuid: prefix',
    text: 'urn:uuid:{abcdef01-2345-6789-abcd-ef0123456789}',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'doubled braces',
    text: '{{abcdef01-2345-6789-abcd-ef0123456789}}',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'only an opening brace',
    text: '{abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'braces around hex without hyphens',
    text: '{ABCDEF0123456789ABCDEF0123456789}',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'hyphens in odd places',
    text: 'a-b-c-d-e-f-0-1-2345678-9abcdef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a hyphen after every digit',
    text: 'a-b-c-d-e-f-0-1-2-3-4-5-6-7-8-9-a-b-c-d-e-f-0-1-2-3-4-5-6-7-8-9',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'urn: repeated in the middle',
    text: 'abcdef01urn:-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a nested uuid: that remains after removing urn:',
    text: 'uurn:uid:abcdef01-2345-6789-abcd-ef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'an upper-case URN:UUID: prefix',
    text: 'URN:UUID:abcdef01-2345-6789-abcd-ef0123456789',
    python: undefined,
  },
  {
    name: 'a hyphen before the opening brace',
    text: '-{abcdef01-2345-6789-abcd-ef0123456789}',
    python: undefined,
  },
  {
    name: 'a leading space within 32 characters',
    text: ' bcdef0123456789abcdef0123456789',
    python: '0bcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a trailing tab within 32 characters',
    text: 'abcdef0123456789abcdef012345678\t',
    python: '0abcdef0-1234-5678-9abc-def012345678',
  },
  {
    name: 'a plus sign within 32 characters',
    text: '+bcdef0123456789abcdef0123456789',
    python: '0bcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a 0x prefix within 32 characters',
    text: '0xcdef0123456789abcdef0123456789',
    python: '00cdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'an underscore within 32 characters',
    text: 'abcdef012345678_abcdef0123456789',
    python: '0abcdef0-1234-5678-abcd-ef0123456789',
  },
  {
    name: 'a space after the canonical form',
    text: 'abcdef01-2345-6789-abcd-ef0123456789 ',
    python: undefined,
  },
  {
    name: 'a leading newline before the canonical form',
    text: '\nabcdef01-2345-6789-abcd-ef0123456789',
    python: undefined,
  },
  {
    name: 'a minus sign, removed with the hyphens',
    text: '-abcdef0123456789abcdef0123456789',
    python: 'abcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'all zeros',
    text: '00000000-0000-0000-0000-000000000000',
    python: '00000000-0000-0000-0000-000000000000',
  },
  {
    name: 'all f',
    text: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    python: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  },
  { name: '31 hex digits', text: 'abcdef0123456789abcdef012345678', python: undefined },
  { name: '33 hex digits', text: 'abcdef0123456789abcdef01234567890', python: undefined },
  { name: 'an empty string', text: '', python: undefined },
  { name: 'a word', text: 'not-a-uuid', python: undefined },
  { name: 'a non-hex letter', text: 'abcdef0123456789abcdef012345678g', python: undefined },
  { name: 'a space between digits', text: 'abcdef0123456789 bcdef0123456789', python: undefined },
  { name: 'a double underscore', text: 'abcdef012345678__bcdef0123456789', python: undefined },
  { name: 'a brace in the middle', text: 'abcdef0123456789{bcdef0123456789', python: undefined },
  {
    name: 'an ideographic space within 32 characters',
    text: '\u3000bcdef0123456789abcdef0123456789',
    python: '0bcdef01-2345-6789-abcd-ef0123456789',
  },
  {
    name: 'a zero-width space within 32 characters',
    text: '\u200bbcdef0123456789abcdef0123456789',
    python: undefined,
  },
];

describe('parsePythonUuid', () => {
  it.each(AGREES_WITH_PYTHON)('matches Python for $name', ({ text, python }) => {
    expect(parsePythonUuid(text)).toBe(python);
  });

  // int(hex, 16) reads any script's decimal digits, and len() counts code points. Values from python3.11.
  it.each([
    ['Arabic-Indic digits', '\u0661'.repeat(32), '11111111-1111-1111-1111-111111111111'],
    ['full-width digits', '\uff11'.repeat(32), '11111111-1111-1111-1111-111111111111'],
    ['astral digits, 32 code points', '\u{1d7ce}'.repeat(32), '00000000-0000-0000-0000-000000000000'],
    [
      'Arabic-Indic digits with hyphens',
      `${'\u0663'.repeat(8)}-${'a'.repeat(24)}`,
      '33333333-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
    ],
    [
      'an ideographic space, then 31 hex digits',
      `\u3000${'a'.repeat(31)}`,
      '0aaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
    ],
  ])('reads %s as Python does', (_name, text, python) => {
    expect(parsePythonUuid(text)).toBe(python);
  });

  it('rejects 31 astral digits, which are 62 UTF-16 units but 31 characters to Python', () => {
    expect(parsePythonUuid('\u{1d7ce}'.repeat(31))).toBeUndefined();
  });
});
