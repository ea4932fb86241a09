import { ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { LiveLifecycle } from '../store/live-lifecycle.js';
import type { Run } from '../store/run.js';
import type { RunStore } from '../store/run-store.js';
import { isUuid } from '../openapi/uuid-format.js';
import { threadWire, type ThreadWire } from './thread-wire.js';

/**
 * What the scenario control API (`/__mock/...`) does, one method per route, free of any HTTP framework:
 * bodies come in as parsed JSON, answers go out as JSON values, and bad input throws the domain's typed
 * errors (422 `ValidationError`, 404 `NotFoundError`, 409 `ConflictError`). Every change shows in List
 * Runs at once, and the live lifecycle, when there is one, follows the runs it should.
 *
 * @example
 * const control = new MockControl(store, undefined);
 * await control.appendRuns(threadId, [{ status: 'error' }]);
 */
export class MockControl {
  readonly #store: RunStore;
  readonly #lifecycle: LiveLifecycle | undefined;

  constructor(store: RunStore, lifecycle: LiveLifecycle | undefined) {
    this.#store = store;
    this.#lifecycle = lifecycle;
  }

  /** Every thread with its scenario and counts. */
  listThreads(): ThreadWire[] {
    return this.#store.threads().map(threadWire);
  }

  /** Creates an empty thread from `{"thread_id": "…"}` or `{}` (a new id). */
  createThread(body: unknown): ThreadWire {
    const given = body ?? {};
    if (typeof given !== 'object' || Array.isArray(given)) {
      throw new ValidationError('Body must be a JSON object, e.g. {"thread_id": "…"} or {}');
    }
    const threadId = (given as { thread_id?: unknown }).thread_id;
    if (threadId !== undefined && (typeof threadId !== 'string' || !isUuid(threadId))) {
      throw new ValidationError('thread_id: must be a UUID');
    }
    return threadWire(this.#store.createThread(threadId));
  }

  /** One thread's summary. */
  thread(threadId: string): ThreadWire {
    return threadWire(this.#store.thread(threadId));
  }

  /** Deletes a thread and its runs. */
  deleteThread(threadId: string): void {
    this.#store.deleteThread(threadId);
  }

  /**
   * Appends a partial run or a batch of them, all or nothing; see `appendRuns`. Loads the run validator
   * on first use: it compiles the Run schema with Ajv, which a plain start need not pay for.
   */
  async appendRuns(threadId: string, body: unknown): Promise<Run | readonly Run[]> {
    const [{ appendRuns }, { preloadAjv }] = await Promise.all([
      import('./append-runs.js'),
      import('../contract/response-validators.js'),
    ]);
    await preloadAjv(); // a browser (MSW) has no require to load Ajv synchronously
    return appendRuns(this.#store, this.#lifecycle, threadId, body);
  }

  /** One run. */
  run(threadId: string, runId: string): Run {
    return this.#store.getRun(threadId, runId);
  }

  /** Changes a run's status from `{"status": "…"}`; the live lifecycle follows it if it is unfinished. */
  setRunStatus(threadId: string, runId: string, body: unknown): Run {
    const status = (body as { status?: unknown } | null | undefined)?.status;
    const allowed = getListRunsContract().runStatuses;
    if (typeof status !== 'string' || !allowed.includes(status)) {
      throw new ValidationError(`status: must be one of ${allowed.join(', ')}`);
    }
    const run = this.#store.setRunStatus(threadId, runId, status);
    this.#lifecycle?.track(threadId, run.run_id);
    return run;
  }

  /** Deletes one run. */
  deleteRun(threadId: string, runId: string): void {
    this.#store.deleteRun(threadId, runId);
  }

  /** Back to the state the server started with; answers how many threads there are. */
  reset(): { readonly threads: number } {
    this.#store.reset();
    this.#lifecycle?.trackAll();
    return { threads: this.#store.threadCount() };
  }
}
