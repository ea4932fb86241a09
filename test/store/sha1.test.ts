import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../src/store/sha1.js';

describe('sha1', () => {
  it.each([0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000])(
    'matches node:crypto for a %i-byte message',
    (length) => {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      const expected = createHash('sha1').update(message).digest('hex');
      expect(Buffer.from(sha1(message)).toString('hex')).toBe(expected);
    },
  );

  it('gives the FIPS 180 digest of "abc"', () => {
    expect(Buffer.from(sha1(new TextEncoder().encode('abc'))).toString('hex')).toBe(
      'a9993e364706816aba3e25717850c26c9cd0d89d',
    );
  });
});
