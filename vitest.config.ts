import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bounds for a hung test, not speed checks (the bench checks speed): a test that runs the CLI's
    // `check` or records a whole dataset can pass 20 s on a busy two-core machine running two files.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Test files share a worker's module cache instead of importing src/ afresh each: every file builds
    // its own stores and servers and restores what it spies on, and re-importing cost a quarter of the
    // suite's CPU time (measured: 121 s of CPU with isolation, 93 s without).
    isolate: false,
    // Two files at a time: many wait on child processes (npm, the bench, the CLI) rather than compute,
    // and Vitest's default on two cores is one.
    maxWorkers: 2,
  },
});
