import { integerFlag } from '../src/cli/parse-flags.js';

/** A fuzzer's `--seed`: a 32-bit integer (fast-check's seed range), or a fresh random one when absent. */
export function seedFlag(value: string | undefined): number {
  return integerFlag('--seed', value, {
    fallback: Math.floor(Math.random() * 2 ** 31),
    min: -(2 ** 31),
    max: 2 ** 31 - 1,
  });
}
