import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateCommandArbitraries } from '../../scripts/state-fuzz/state-command-arbitraries.js';

describe('stateCommandArbitraries', () => {
  // What npm test's 300 sequences draw (same seed space, same length): a hostile value the generators
  // never produce would let the fuzz pass without testing it.
  const commands = fc
    .sample(fc.commands(stateCommandArbitraries(), { maxCommands: 8, size: 'max' }), {
      seed: 20_260_611,
      numRuns: 300,
    })
    .flatMap((sequence) => [...sequence].map((command) => command.toString()));

  it.each([
    { name: 'a leap second', pattern: /T23:59:60/ },
    { name: 'a timestamp with an offset', pattern: /"created_at":"[^"]*[+-]\d\d:\d\d"/ },
    { name: 'a timestamp without an offset', pattern: /"(created|updated)_at":"[^"]*:\d\d(\.\d+)?"/ },
    { name: 'year 0000', pattern: /"0000-/ },
    { name: 'a __proto__ field', pattern: /one \{[^}]*"__proto__"/ },
    { name: 'a __proto__ key in metadata', pattern: /"metadata":\{[^}]*"__proto__"/ },
    { name: 'JSON nested past the limit', pattern: /@@deep:(\d{3,}|6[5-9]|[7-9]\d):/ },
    { name: 'JSON nested within the limit', pattern: /@@deep:([1-5]?\d|6[0-3]):/ },
    { name: 'a string over the body cap', pattern: /"huge":"[^"]*\(1100\d{3} chars\)|1100\d{3} chars/ },
    { name: 'an upper-case run id', pattern: /"run_id":"[0-9A-F]{8}-[0-9A-F]{4}/ },
    { name: 'a batch over 10,000 runs', pattern: /10001 empty runs/ },
    { name: 'one run twice in a batch', pattern: /batch of \d+ \[(\{[^\]]*\}),\1/ },
    { name: 'a body that is not JSON', pattern: /junk "\{/ },
    { name: 'a PATCH body with __proto__', pattern: /patchRun\(.*__proto__/ },
    { name: 'a repeated select', pattern: /select=[^&)]*&(.*&)?select=/ },
    { name: 'a repeated limit', pattern: /limit=[^&)]*&(.*&)?limit=/ },
    { name: 'a thread created with an id seen before', pattern: /createThread\(seen\(/ },
    { name: 'a reset', pattern: /^reset$/ },
  ])('draws $name', ({ pattern }) => {
    expect(commands.some((command) => pattern.test(command))).toBe(true);
  });
});
