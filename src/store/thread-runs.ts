import { isUuidVersion7 } from '../openapi/uuid-format.js';
import { parseMicros } from './parse-micros.js';
import type { Run } from './run.js';
import { hasSorted, insertSorted, lowerBound } from './sorted-numbers.js';
import type { StatusColumn } from './status-column.js';
import type { ThreadPlan } from './thread-plan.js';
import { uuid7Millis } from './uuid.js';

/** The seeded runs of a thread, rebuilt on demand. */
export interface GeneratedRuns {
  readonly plan: ThreadPlan;
  column(): StatusColumn;
  /** Run `index` (chronological, 0 = oldest). */
  runAt(index: number): Run;
  /** `created_at` of run `index`, in microseconds, without building the run. */
  createdMicrosAt(index: number): number;
}

/** A run written through the control API (or loaded from a fixture), with its parsed creation time. */
export interface ExplicitRun {
  readonly run: Run;
  readonly createdMicros: number;
}

/**
 * One thread's runs: the seeded ones (virtual, by index) plus an overlay of writes. A seeded run that is
 * deleted is masked; one whose status changes is masked and re-added as an explicit run with the same
 * id and `created_at`, so it keeps its place. Explicit runs are kept newest first. A page is a merge of
 * the two newest-first sequences found by binary search, so it costs O(limit + log) seeded lookups plus
 * one pass over the (small) overlay, whatever the thread's size.
 */
export class ThreadRuns {
  readonly #generated: GeneratedRuns;
  /** Masked seeded indexes, ascending; and the same split by their seeded status. */
  readonly #masked: number[] = [];
  readonly #maskedByStatus = new Map<string, number[]>();
  /** Explicit runs, newest first (created_at descending, then run_id descending). */
  readonly #explicit: ExplicitRun[] = [];
  /** The same runs by lower-case id, so lookups and writes do not scan the list. */
  readonly #explicitById = new Map<string, ExplicitRun>();

  constructor(generated: GeneratedRuns) {
    this.#generated = generated;
  }

  /** The thread's plan (id, scenario, seeded size). */
  get plan(): ThreadPlan {
    return this.#generated.plan;
  }

  /** How many runs the thread has, or has with `status`. */
  count(status?: string): number {
    return this.#seededCount(status) + this.#explicitWith(status).length;
  }

  /** Runs per status, for summaries. */
  statusCounts(statuses: readonly string[]): Record<string, number> {
    return Object.fromEntries(statuses.map((status) => [status, this.count(status)]));
  }

  /** The runs at newest-first positions [offset, offset + limit), optionally only those with `status`. */
  page(offset: number, limit: number, status?: string): Run[] {
    const explicit = this.#explicitWith(status);
    const seededCount = this.#seededCount(status);
    const total = seededCount + explicit.length;
    const end = Math.min(total, offset + limit);
    if (offset >= end) return [];
    // How many of the first `offset` merged runs are explicit: the smallest t whose explicit run t is
    // not newer than seeded run (offset - t - 1).
    let lo = Math.max(0, offset - seededCount);
    let hi = Math.min(offset, explicit.length);
    while (lo < hi) {
      const t = (lo + hi) >>> 1;
      const candidate = explicit[t];
      if (candidate !== undefined && this.#isNewer(candidate, this.#seededAt(offset - t - 1, status)))
        lo = t + 1;
      else hi = t;
    }
    let nextExplicit = lo;
    let nextSeeded = offset - lo;
    const runs: Run[] = [];
    while (runs.length < end - offset) {
      const candidate = explicit[nextExplicit];
      const seededIndex = nextSeeded < seededCount ? this.#seededAt(nextSeeded, status) : undefined;
      if (candidate !== undefined && (seededIndex === undefined || this.#isNewer(candidate, seededIndex))) {
        runs.push(candidate.run);
        nextExplicit++;
      } else if (seededIndex !== undefined) {
        runs.push(this.#generated.runAt(seededIndex));
        nextSeeded++;
      } else {
        break;
      }
    }
    return runs;
  }

  /** The run with `runId` (any case), or undefined. */
  find(runId: string): Run | undefined {
    const explicit = this.#explicitById.get(runId.toLowerCase());
    if (explicit !== undefined) return explicit.run;
    const index = this.#seededIndexOf(runId);
    return index === undefined ? undefined : this.#generated.runAt(index);
  }

  /**
   * Adds runs; the caller has checked their ids are new. The new runs are sorted, then merged with the
   * stored ones in one pass: O(n + k log k) for k runs, whatever their order (a fixture file of 100,000
   * runs once took minutes, each run inserted at the head of the array).
   */
  addAll(runs: readonly Run[]): void {
    const added = runs
      .map((run): ExplicitRun => ({ run, createdMicros: parseMicros(run.created_at) }))
      .sort(compareNewestFirst);
    for (const entry of added) this.#explicitById.set(entry.run.run_id.toLowerCase(), entry);
    if (this.#explicit.length === 0) {
      // One by one: `push(...added)` passes every run as an argument, past the stack at ~125,000.
      for (const entry of added) this.#explicit.push(entry);
      return;
    }
    const stored = this.#explicit.splice(0);
    let a = 0;
    let s = 0;
    while (a < added.length || s < stored.length) {
      const next =
        s >= stored.length ||
        (a < added.length && compareNewestFirst(added[a] as ExplicitRun, stored[s] as ExplicitRun) < 0)
          ? added[a++]
          : stored[s++];
      this.#explicit.push(next as ExplicitRun);
    }
  }

  /** The written or loaded runs, newest first: immutable entries, to `restore` after a reset. */
  snapshot(): readonly ExplicitRun[] {
    return [...this.#explicit];
  }

  /** Makes a thread with no written runs hold a `snapshot` again: O(n), nothing parsed or sorted. */
  restore(entries: readonly ExplicitRun[]): void {
    for (const entry of entries) this.#explicit.push(entry); // not `push(...entries)`: see `addAll`
    for (const entry of entries) this.#explicitById.set(entry.run.run_id.toLowerCase(), entry);
  }

  /** The lower-case ids of the runs written or loaded (not the seeded ones). */
  explicitRunIds(): Iterable<string> {
    return this.#explicitById.keys();
  }

  /** True when a seeded run that is not masked has this id (any case). */
  hasSeeded(runId: string): boolean {
    return this.#seededIndexOf(runId) !== undefined;
  }

  /** Removes the run with `runId` (any case); false when there is none. */
  remove(runId: string): boolean {
    const entry = this.#explicitById.get(runId.toLowerCase());
    if (entry !== undefined) {
      this.#explicitById.delete(runId.toLowerCase());
      this.#explicit.splice(this.#explicit.indexOf(entry), 1);
      return true;
    }
    const index = this.#seededIndexOf(runId);
    if (index === undefined) return false;
    insertSorted(this.#masked, index);
    const status = this.#generated.column().statusAt(index);
    const byStatus = this.#maskedByStatus.get(status) ?? [];
    insertSorted(byStatus, index);
    this.#maskedByStatus.set(status, byStatus);
    return true;
  }

  #seededCount(status: string | undefined): number {
    const plan = this.#generated.plan;
    if (status === undefined) return plan.runCount - this.#masked.length;
    if (plan.runCount === 0) return 0;
    return (
      this.#generated.column().indexesOf(status).length - (this.#maskedByStatus.get(status)?.length ?? 0)
    );
  }

  #explicitWith(status: string | undefined): readonly ExplicitRun[] {
    return status === undefined
      ? this.#explicit
      : this.#explicit.filter((entry) => entry.run.status === status);
  }

  /** Chronological index of the seeded run at unmasked newest-first position `position`. */
  #seededAt(position: number, status: string | undefined): number {
    const indexes = status === undefined ? undefined : this.#generated.column().indexesOf(status);
    const total = indexes === undefined ? this.#generated.plan.runCount : indexes.length;
    const masked = status === undefined ? this.#masked : (this.#maskedByStatus.get(status) ?? []);
    const at = (p: number): number => (indexes === undefined ? total - 1 - p : (indexes[total - 1 - p] ?? 0));
    // Unmasked runs among the newest p + 1 grow by one per unmasked run; jump by the shortfall until the
    // count reaches position + 1. Each jump skips only masked runs, so the loop never overshoots.
    let p = position;
    for (;;) {
      const unmasked = p + 1 - (masked.length - lowerBound(masked, at(p)));
      if (unmasked >= position + 1) return at(p);
      p += position + 1 - unmasked;
    }
  }

  #seededIndexOf(runId: string): number | undefined {
    const plan = this.#generated.plan;
    if (plan.runCount === 0 || !isUuidVersion7(runId)) return undefined;
    // A seeded run id is a UUIDv7 of its created_at: search the timeline for that millisecond.
    const millis = uuid7Millis(runId);
    let lo = 0;
    let hi = plan.runCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#generated.createdMicrosAt(mid) < millis * 1000) lo = mid + 1;
      else hi = mid;
    }
    for (
      let index = lo;
      index < plan.runCount && this.#generated.createdMicrosAt(index) < (millis + 1) * 1000;
      index++
    ) {
      if (!hasSorted(this.#masked, index) && this.#generated.runAt(index).run_id === runId.toLowerCase()) {
        return index;
      }
    }
    return undefined;
  }

  #isNewer(entry: ExplicitRun, seededIndex: number): boolean {
    const seededMicros = this.#generated.createdMicrosAt(seededIndex);
    if (entry.createdMicros !== seededMicros) return entry.createdMicros > seededMicros;
    return entry.run.run_id > this.#generated.runAt(seededIndex).run_id;
  }
}

function compareNewestFirst(a: ExplicitRun, b: ExplicitRun): number {
  if (a.createdMicros !== b.createdMicros) return b.createdMicros - a.createdMicros;
  // Far from 1970 two instants can share a double; their normalised texts still sort exactly.
  if (a.run.created_at !== b.run.created_at) return a.run.created_at < b.run.created_at ? 1 : -1;
  return a.run.run_id < b.run.run_id ? 1 : a.run.run_id > b.run.run_id ? -1 : 0;
}
