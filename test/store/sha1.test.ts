import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../src/store/sha1.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('sha1', () => {
  it.each([
    ['the empty string', '', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['"abc"', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'the two-block FIPS example',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    ],
  ])('gives the published digest of %s', (_name, text, digest) => {
    expect(hex(sha1(new TextEncoder().encode(text)))).toBe(digest);
  });

  it("agrees with node:crypto on every length around the padding's block edges", () => {
    for (let length = 0; length < 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(sha1(bytes)), `length ${length}`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });
});
