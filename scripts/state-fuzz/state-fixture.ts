import { FIXTURE_FORMAT, FIXTURE_VERSION, type FixtureFile } from '../../src/fixtures/fixture-file.js';
import type { Run } from '../../src/store/run.js';
import { RUN_ID_POOL } from './hostile-values.js';
import type { ModelThread } from './state-model.js';

const ASSISTANT_ID = 'fe096781-5601-53d2-b2f6-0d3403f7e9ca';

function run(threadId: string, runId: string, createdAt: string, status: string): Run {
  return {
    run_id: runId,
    thread_id: threadId,
    assistant_id: ASSISTANT_ID,
    created_at: createdAt,
    updated_at: createdAt,
    status,
    metadata: { created_by: 'system', graph_id: 'agent', assistant_id: ASSISTANT_ID },
    kwargs: { input: { messages: [] } },
    multitask_strategy: 'enqueue',
  };
}

const A = 'f0220000-0000-4000-8000-00000000000a';
const B = 'f0220000-0000-4000-8000-00000000000b';
const EMPTY = 'f0220000-0000-4000-8000-00000000000e';

/**
 * The state every fuzz sequence starts from (and `POST /__mock/reset` returns to): a thread with all
 * six statuses, two of its runs created in the same microsecond so only `run_id` orders them, one whose
 * id is in the pool that writes draw from; a small thread; an empty one.
 */
export const STATE_FIXTURE: FixtureFile = {
  format: FIXTURE_FORMAT,
  version: FIXTURE_VERSION,
  threads: [
    {
      thread_id: A,
      scenario: 'fuzz-all-statuses',
      runs: [
        run(A, '1f000000-0000-4000-8000-000000000001', '2026-05-31T10:00:00.000001+00:00', 'success'),
        run(A, '1f000000-0000-4000-8000-000000000002', '2026-05-31T10:00:00.000002+00:00', 'error'),
        run(A, '1f000000-0000-4000-8000-000000000003', '2026-05-31T10:00:00.000002+00:00', 'timeout'),
        run(A, '1f000000-0000-4000-8000-000000000004', '2026-05-31T11:30:00.500000+00:00', 'interrupted'),
        run(A, '1f000000-0000-4000-8000-000000000005', '2026-05-31T11:59:59.999999+00:00', 'running'),
        run(A, RUN_ID_POOL[3], '2026-06-01T00:00:00.000000+00:00', 'pending'),
      ],
    },
    {
      thread_id: B,
      scenario: 'fuzz-small',
      runs: [
        run(B, '2f000000-0000-4000-8000-000000000001', '2001-01-01T00:00:00.000000+00:00', 'success'),
        run(B, '2f000000-0000-4000-8000-000000000002', '2026-05-01T00:00:00.000000+00:00', 'pending'),
      ],
    },
    { thread_id: EMPTY, scenario: 'fuzz-empty', runs: [] },
  ],
};

/** The fixture as the model's initial threads. */
export function fixtureModelThreads(file: FixtureFile = STATE_FIXTURE): ModelThread[] {
  return file.threads.map((thread) => ({
    threadId: thread.thread_id.toLowerCase(),
    scenario: thread.scenario ?? null,
    runs: new Map(thread.runs.map((r) => [r.run_id, { ...r }])),
  }));
}
