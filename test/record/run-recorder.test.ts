import { describe, expect, it } from 'vitest';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { parseRedactPath } from '../../src/record/redact-path.js';
import { RunRecorder } from '../../src/record/run-recorder.js';
import { createSeededStore } from '../../src/store/create-seeded-store.js';
import { scenarioThreadId } from '../helpers/scenario-thread-id.js';

const threadId = scenarioThreadId('all-statuses');
const store = createSeededStore({ seed: 2, threads: 0 });
const runs = store.listRuns({ threadId, limit: 40, offset: 0 });
const project = (run: object, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(run).filter(([field]) => fields.includes(field)));

function recordedRuns(recorder: RunRecorder): readonly Record<string, unknown>[] {
  return (recorder.toFixtureFile().threads[0]?.runs ?? []) as unknown as Record<string, unknown>[];
}

describe('RunRecorder', () => {
  it('keeps a full run over a projection of it seen later', () => {
    const recorder = new RunRecorder();
    recorder.observe(threadId, runs.slice(0, 3));
    recorder.observe(
      threadId,
      runs.slice(0, 3).map((run) => project(run, ['run_id', 'status'])),
    );
    expect(recordedRuns(recorder)).toEqual(runs.slice(0, 3));
  });

  it('replaces a projection by the full run once it is seen', () => {
    const recorder = new RunRecorder();
    recorder.observe(threadId, [project(runs[0] ?? {}, ['run_id'])]);
    expect(recordedRuns(recorder)).toEqual([{ run_id: runs[0]?.run_id }]);
    recorder.observe(threadId, [runs[0]]);
    expect(recordedRuns(recorder)).toEqual([runs[0]]);
    expect(recorder.counts()).toEqual({ threads: 1, runs: 1, partialRuns: 0 });
  });

  it('merges projections of a run never seen whole, and counts it as partial until every field is known', () => {
    const recorder = new RunRecorder();
    const run = runs[1] ?? {};
    const { runFields } = getListRunsContract();
    recorder.observe(threadId, [project(run, ['run_id', 'status'])]);
    recorder.observe(threadId, [project(run, ['run_id', 'created_at'])]);
    expect(recordedRuns(recorder)[0]).toEqual(project(run, ['run_id', 'status', 'created_at']));
    expect(recorder.counts().partialRuns).toBe(1);
    recorder.observe(threadId, [
      project(
        run,
        runFields.filter((field) => !['status', 'created_at'].includes(field)),
      ),
    ]);
    expect(recorder.counts().partialRuns).toBe(0);
  });

  it('writes each thread newest first, whatever order the pages came in', () => {
    const recorder = new RunRecorder();
    recorder.observe(threadId, runs.slice(20));
    recorder.observe(threadId, runs.slice(0, 20));
    expect(recordedRuns(recorder).map((run) => run['run_id'])).toEqual(runs.map((run) => run.run_id));
  });

  it('skips items it cannot tell apart, notes empty threads, and counts new runs', () => {
    const recorder = new RunRecorder();
    expect(recorder.observe(threadId, [null, 'run', [1], { status: 'success' }, runs[0]])).toBe(1);
    expect(recorder.observe(threadId, [runs[0], runs[1]])).toBe(1);
    expect(recorder.observe(scenarioThreadId('empty'), [])).toBe(0);
    expect(recorder.toFixtureFile().threads.map((thread) => thread.runs.length)).toEqual([2, 0]);
  });

  it('redacts before keeping, and moves its revision only when something changes', () => {
    const recorder = new RunRecorder({ redact: [parseRedactPath('kwargs')] });
    recorder.observe(threadId, [runs[0]]);
    const revision = recorder.revision;
    expect(recordedRuns(recorder)[0]?.['kwargs']).toEqual({});
    recorder.observe(threadId, [project(runs[0] ?? {}, ['run_id'])]);
    expect(recorder.revision).toBe(revision);
    recorder.observe(threadId, [runs[1]]);
    expect(recorder.revision).toBeGreaterThan(revision);
  });
});
