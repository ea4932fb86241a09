import {
  createPrismOutputValidator,
  type PrismOutputValidator,
} from '../../src/contract/prism-output-validator.js';

let shared: Promise<PrismOutputValidator> | undefined;

/**
 * The one Prism validator of the shipped spec for the test files of a worker: building it loads Prism
 * and compiles the spec, and `validate` keeps no state between exchanges, so it is built once and shared.
 */
export function sharedPrismValidator(): Promise<PrismOutputValidator> {
  shared ??= createPrismOutputValidator();
  return shared;
}
