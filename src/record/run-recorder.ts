import { FIXTURE_FORMAT, FIXTURE_VERSION, type FixtureFile } from '../fixtures/fixture-file.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { Run } from '../store/run.js';
import { parseTimestamp } from '../store/parse-timestamp.js';
import { redactRun, type RedactPath } from './redact-path.js';

/** Options of `RunRecorder`. */
export interface RunRecorderOptions {
  /** Values replaced by a placeholder before a run is kept (`--redact`). */
  readonly redact?: readonly RedactPath[];
}

/** A run as kept: the object, and whether it has every field of `Run` (a projection does not). */
interface RecordedRun {
  readonly run: Record<string, unknown>;
  readonly full: boolean;
}

/**
 * Collects the runs a server answered, per thread, into a fixture file. The newest full object of a run
 * wins; a projection (an answer to `select`) never replaces a full object, and projections of a run not
 * yet seen in full are merged field by field. Runs are kept as they came, valid or not: they are the
 * server's truth, and `serve --fixtures` names what is wrong with them.
 *
 * @example
 * const recorder = new RunRecorder({ redact: [parseRedactPath('kwargs.input')] });
 * recorder.observe(threadId, await (await fetch(`${base}/threads/${threadId}/runs`)).json());
 * writeFileAtomically('recording.json', formatFixtures(recorder.toFixtureFile()));
 */
export class RunRecorder {
  readonly #redact: readonly RedactPath[];
  readonly #threads = new Map<string, Map<string, RecordedRun>>();
  #revision = 0;

  constructor(options: RunRecorderOptions = {}) {
    this.#redact = options.redact ?? [];
  }

  /**
   * Notes a thread (lower-case id) and the runs a List Runs answer gave for it; items that are not
   * objects with a string `run_id` cannot be told apart and are skipped. Returns how many runs were new.
   */
  observe(threadId: string, runs: readonly unknown[]): number {
    let runsOfThread = this.#threads.get(threadId);
    if (runsOfThread === undefined) {
      runsOfThread = new Map();
      this.#threads.set(threadId, runsOfThread);
      this.#revision++;
    }
    const { runFields } = getListRunsContract();
    let added = 0;
    for (const item of runs) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      const runId = (item as Record<string, unknown>)['run_id'];
      if (typeof runId !== 'string') continue;
      const run = redactRun(item as Record<string, unknown>, this.#redact);
      const key = runId.toLowerCase();
      const kept = runsOfThread.get(key);
      if (kept === undefined) added++;
      const full = runFields.every((field) => Object.hasOwn(run, field));
      if (full) {
        runsOfThread.set(key, { run, full });
      } else if (kept === undefined || !kept.full) {
        const merged = { ...kept?.run, ...run };
        runsOfThread.set(key, {
          run: merged,
          full: runFields.every((field) => Object.hasOwn(merged, field)),
        });
      } else {
        continue;
      }
      this.#revision++;
    }
    return added;
  }

  /** A number that grows with every change: a writer compares it with the one it last wrote. */
  get revision(): number {
    return this.#revision;
  }

  /** How many threads and runs are recorded, and how many runs were seen only as projections. */
  counts(): { threads: number; runs: number; partialRuns: number } {
    let runs = 0;
    let partialRuns = 0;
    for (const runsOfThread of this.#threads.values()) {
      runs += runsOfThread.size;
      for (const { full } of runsOfThread.values()) if (!full) partialRuns++;
    }
    return { threads: this.#threads.size, runs, partialRuns };
  }

  /** The recording as a fixture file: threads in the order first seen, each thread's runs newest first. */
  toFixtureFile(): FixtureFile {
    const threads = [...this.#threads].map(([threadId, runsOfThread]) => ({
      thread_id: threadId,
      runs: [...runsOfThread.values()].map(({ run }) => run).sort(newestFirst) as unknown as Run[],
    }));
    return { format: FIXTURE_FORMAT, version: FIXTURE_VERSION, threads };
  }
}

/** List Runs' order: `created_at` descending, then `run_id` descending; unreadable timestamps last. */
function newestFirst(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const byTime = microsOf(b) - microsOf(a);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  const [x, y] = [String(a['run_id']), String(b['run_id'])];
  return x < y ? 1 : x > y ? -1 : 0;
}

function microsOf(run: Record<string, unknown>): number {
  const createdAt = run['created_at'];
  const parsed = typeof createdAt === 'string' ? parseTimestamp(createdAt) : undefined;
  return parsed === undefined || typeof parsed === 'string' ? Number.NEGATIVE_INFINITY : parsed.micros;
}
