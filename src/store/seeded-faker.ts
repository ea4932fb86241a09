import type { Faker, Randomizer } from '@faker-js/faker';
import type * as EnglishFakerModule from '@faker-js/faker/locale/en';
import { requireInNode } from '../runtime/require-in-node.js';
import { createRandom } from './random.js';

/** The seeded Faker of a store, built on first use: `faker()` returns the same instance every time. */
export type LazyFaker = () => Faker;

const ENGLISH_FAKER = '@faker-js/faker/locale/en';

// Faker's English locale costs more to import than Express itself (tens of milliseconds), so it is
// loaded when the first run is generated, not when the package is imported: a root import that only
// starts a server, or a store that only serves fixtures, never pays for it. Under Node the first use
// loads it synchronously (the store stays synchronous); where there is no `require`, a door awaits
// `loadFaker()` before its first request.
let englishFaker: Faker | undefined;

/**
 * Loads Faker's English locale ahead of the first generated run. Required before generating runs where
 * there is no `require` (a browser, MSW's service worker); under Node it only moves the cost earlier.
 */
export async function loadFaker(): Promise<void> {
  englishFaker ??= (await import('@faker-js/faker/locale/en')).faker;
}

function englishFakerNow(): Faker {
  if (englishFaker !== undefined) return englishFaker;
  const requireModule = requireInNode();
  if (requireModule === undefined) {
    throw new Error('Faker is not loaded yet: await loadFaker() before generating runs in this runtime');
  }
  englishFaker = (requireModule(ENGLISH_FAKER) as typeof EnglishFakerModule).faker;
  return englishFaker;
}

/**
 * A Faker (English locale) that can be re-seeded for every run at no cost, built on first use.
 *
 * Why not `faker.seed(n)`: its Mersenne Twister re-initialises 624 words of state, ~26 µs per call here,
 * more than generating the run itself. We give Faker our own O(1)-seeded generator instead. The
 * `locale/en` entry point (0.04 s to import, against 0.2 s for the whole package) exports only an
 * instance, so its constructor is reached through that instance.
 */
export function createSeededFaker(): LazyFaker {
  let seeded: Faker | undefined;
  return () => {
    if (seeded !== undefined) return seeded;
    let random = createRandom(0);
    const randomizer: Randomizer = {
      next: () => random.next(),
      seed: (seed) => {
        random = createRandom(typeof seed === 'number' ? seed : (seed[0] ?? 0));
      },
    };
    const english = englishFakerNow();
    const FakerClass = english.constructor as typeof Faker;
    seeded = new FakerClass({ locale: english.rawDefinitions, randomizer });
    return seeded;
  };
}
