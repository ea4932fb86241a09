import type { RunField } from '../store/run.js';

/** A validated List Runs request: what the store and the projection need, nothing else. */
export interface ListRunsQuery {
  /** The thread id as the client sent it (validated as a UUID, case kept for the 404 detail). */
  readonly threadId: string;
  readonly limit: number;
  readonly offset: number;
  /** Only runs with this status; one of the spec's `status` query values. */
  readonly status: string | undefined;
  /** Fields to return, deduplicated and in the schema's order; undefined means every field. */
  readonly select: readonly RunField[] | undefined;
}
