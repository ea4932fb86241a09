import type { RunField } from '../store/run.js';

/**
 * Which part of the newest-first list to return: a contract page (non-negative offset and limit), or,
 * in the agent-server profile, Python's `runs[offset:offset + limit]` with its negative indexes.
 */
export type RunWindow =
  | { readonly kind: 'page'; readonly offset: number; readonly limit: number }
  | { readonly kind: 'python-slice'; readonly start: number; readonly stop: number };

/** A validated List Runs request: what the store and the projection need, nothing else. */
export interface ListRunsQuery {
  /**
   * The thread id: as the client sent it under the contract (case kept for the 404 detail), or in
   * canonical form under the agent-server profile, which normalises it as Python's `uuid.UUID` does.
   */
  readonly threadId: string;
  readonly window: RunWindow;
  /** Only runs with this status. */
  readonly status: string | undefined;
  /** Fields to return, deduplicated and in the schema's order; undefined means every field. */
  readonly select: readonly RunField[] | undefined;
}
