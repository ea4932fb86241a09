import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors/domain-errors.js';
import { createFixtureStore } from '../../src/fixtures/create-fixture-store.js';
import type { FixtureFile } from '../../src/fixtures/fixture-file.js';
import type { RunStore } from '../../src/store/run-store.js';
import {
  replayCommand,
  runStateFuzz,
  type StateFuzzReport,
} from '../../scripts/state-fuzz/run-state-fuzz.js';

// A fixed seed, so a failure here is the same sequence on every machine; the failure message carries the
// `npm run fuzz -- --state …` line that replays it. `npm run fuzz -- --state` runs 20,000 from a fresh seed.
const SEED = 20_260_611;
const SEQUENCES = 300;
const MAX_COMMANDS = 8;

function failureText(report: StateFuzzReport): string {
  const { failure } = report;
  if (failure === undefined) return '';
  return `${failure.message}\nsequence: ${failure.commands.slice(0, 3000)}\nreplay: ${replayCommand(failure, MAX_COMMANDS)}`;
}

describe('the model-based state fuzz', () => {
  it(`runs ${SEQUENCES} sequences of writes and reads with no 5xx and no divergence from the model`, async () => {
    const report = await runStateFuzz({ sequences: SEQUENCES, seed: SEED, maxCommands: MAX_COMMANDS });

    expect(failureText(report)).toBe('');
    expect(report.serverErrors).toEqual([]);
    expect(report.sequences).toBe(SEQUENCES);
    expect(Object.keys(report.byStatus).filter((status) => status.startsWith('5'))).toEqual([]);
    // Every command ran, and writes met every answer the rules call for: a fuzz that only ever got 404s
    // would pass vacuously.
    for (const command of [
      'AppendRuns',
      'ListRuns',
      'PatchRun',
      'DeleteRun',
      'GetRun',
      'GetThread',
      'CreateThread',
      'DeleteThread',
      'Reset',
    ]) {
      expect(report.byCommand[command] ?? 0, command).toBeGreaterThan(SEQUENCES / 20);
    }
    for (const status of ['200', '201', '204', '400', '404', '409', '413', '422']) {
      expect(report.byStatus[status] ?? 0, status).toBeGreaterThan(0);
    }
  }, 120_000);
});

/** The fixture store with one method replaced by a broken one. */
function brokenStore(breakIt: (store: RunStore) => void): (file: FixtureFile) => RunStore {
  return (file) => {
    const store = createFixtureStore(file);
    breakIt(store);
    return store;
  };
}

describe('the state fuzz against a broken store', () => {
  it.each([
    {
      name: 'pages that start one run early',
      breakIt: (store: RunStore) => {
        const listRuns = store.listRuns.bind(store);
        store.listRuns = (request) => listRuns({ ...request, offset: Math.max(0, request.offset - 1) });
      },
      finds: /GET \/threads\/[^ ]*offset=[1-9]/,
    },
    {
      name: 'a delete that answers 204 and keeps the run',
      breakIt: (store: RunStore) => {
        store.deleteRun = () => undefined;
      },
      finds: /after the write/,
    },
    {
      name: 'a batch stored run by run, so a clash half-way leaves the first half',
      breakIt: (store: RunStore) => {
        const addRuns = store.addRuns.bind(store);
        store.addRuns = (threadId, runs) => {
          for (const run of runs) addRuns(threadId, [run]);
          return runs;
        };
      },
      finds: /after the write/,
    },
    {
      name: 'a 409 that names a run of the refused batch',
      breakIt: (store: RunStore) => {
        const addRuns = store.addRuns.bind(store);
        store.addRuns = (threadId, runs) => {
          try {
            return addRuns(threadId, runs);
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            throw new ConflictError(`${error.message} (batch of ${runs[0]?.run_id ?? 'nothing'})`);
          }
        };
      },
      finds: /the 409 names .*, a run that is not stored/,
    },
    {
      name: 'a status change that keeps updated_at',
      breakIt: (store: RunStore) => {
        const setRunStatus = store.setRunStatus.bind(store);
        store.setRunStatus = (threadId, runId, status) => {
          const before = store.getRun(threadId, runId);
          setRunStatus(threadId, runId, status);
          return { ...before, status };
        };
      },
      finds: /updated_at/,
    },
  ])(
    'finds $name, with a seed and path that replay it',
    async ({ breakIt, finds }) => {
      const store = brokenStore(breakIt);
      const report = await runStateFuzz({ sequences: 200, seed: SEED, maxCommands: MAX_COMMANDS, store });

      const { failure } = report;
      expect(failure?.message).toMatch(finds);
      if (failure === undefined) return;
      expect(failure.seed).toBe(SEED);
      expect(failure.path).toMatch(/^\d+(:\d+)*$/);
      expect(replayCommand(failure, MAX_COMMANDS)).toContain(`--seed ${SEED} --path '${failure.path}'`);

      const replayed = await runStateFuzz({
        sequences: 1,
        seed: failure.seed,
        path: failure.path,
        replayPath: failure.replayPath,
        maxCommands: MAX_COMMANDS,
        store,
      });
      expect(replayed.failure?.commands).toBe(failure.commands);
    },
    120_000,
  );
});
