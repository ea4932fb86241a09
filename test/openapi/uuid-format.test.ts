import { describe, expect, it } from 'vitest';
import { isUuid, isUuidVersion7 } from '../../src/openapi/uuid-format.js';

describe('isUuid', () => {
  it.each([
    { name: 'lower case', text: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca' },
    { name: 'upper case', text: 'FE096781-5601-53D2-B2F6-0D3403F7E9CA' },
    { name: 'mixed case', text: 'Fe096781-5601-53d2-B2f6-0d3403f7E9ca' },
    { name: 'the nil UUID', text: '00000000-0000-0000-0000-000000000000' },
  ])('accepts $name', ({ text }) => {
    expect(isUuid(text)).toBe(true);
  });

  it.each([
    { name: 'an empty string', text: '' },
    { name: 'a word', text: 'not-a-uuid' },
    { name: 'hex without hyphens', text: 'fe096781560153d2b2f60d3403f7e9ca' },
    { name: 'a non-hex digit', text: 'ge096781-5601-53d2-b2f6-0d3403f7e9ca' },
    { name: 'a short last group', text: 'fe096781-5601-53d2-b2f6-0d3403f7e9c' },
    { name: 'a long last group', text: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca0' },
    { name: 'misplaced hyphens', text: 'fe09678-15601-53d2-b2f6-0d3403f7e9ca' },
    { name: 'braces', text: '{fe096781-5601-53d2-b2f6-0d3403f7e9ca}' },
    { name: 'a urn prefix', text: 'urn:uuid:fe096781-5601-53d2-b2f6-0d3403f7e9ca' },
    { name: 'surrounding spaces', text: ' fe096781-5601-53d2-b2f6-0d3403f7e9ca ' },
    { name: 'a trailing newline', text: 'fe096781-5601-53d2-b2f6-0d3403f7e9ca\n' },
  ])('rejects $name', ({ text }) => {
    expect(isUuid(text)).toBe(false);
  });
});

describe('isUuidVersion7', () => {
  it.each([
    { name: 'lower case', text: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
    { name: 'upper case', text: '0199A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B' },
  ])('accepts a version-7 UUID in $name', ({ text }) => {
    expect(isUuidVersion7(text)).toBe(true);
  });

  it.each([
    { name: 'a version-4 UUID', text: 'fe096781-5601-43d2-b2f6-0d3403f7e9ca' },
    { name: 'a version-7 prefix on a short id', text: '0199a1b2-c3d4-7e5f' },
    { name: 'a 7 in the wrong place', text: '0199a1b2-7c3d-4e5f-8a9b-0c1d2e3f4a5b' },
  ])('rejects $name', ({ text }) => {
    expect(isUuidVersion7(text)).toBe(false);
  });
});
