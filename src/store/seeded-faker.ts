import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Faker, Randomizer } from '@faker-js/faker';
import { createRandom } from './random.js';

/**
 * A Faker (English locale) that can be re-seeded for every run at no cost.
 *
 * Why not `faker.seed(n)`: its Mersenne Twister re-initialises 624 words of state, ~26 µs per call here,
 * more than generating the run itself. We give Faker our own O(1)-seeded generator instead. The
 * `locale/en` entry point (0.04 s to import, against 0.2 s for the whole package) exports only an
 * instance, so its constructor is reached through that instance; `import type` adds nothing at run time.
 */
export function createSeededFaker(): Faker {
  let random = createRandom(0);
  const randomizer: Randomizer = {
    next: () => random.next(),
    seed: (seed) => {
      random = createRandom(typeof seed === 'number' ? seed : (seed[0] ?? 0));
    },
  };
  const FakerClass = englishFaker.constructor as typeof Faker;
  return new FakerClass({ locale: englishFaker.rawDefinitions, randomizer });
}
