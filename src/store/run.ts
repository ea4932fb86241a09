/**
 * A run as List Runs returns it. Field names are the spec's (`components.schemas.Run`); a test pins this
 * shape to the spec so the two cannot drift. `status` and `multitask_strategy` hold one of the spec's enum
 * values, checked where data enters the store.
 */
export interface Run {
  readonly run_id: string;
  readonly thread_id: string;
  readonly assistant_id: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly status: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly multitask_strategy: string;
}

/** The name of one field of a run. */
export type RunField = keyof Run;

/** A run reduced to the fields a `select` asked for. */
export type ProjectedRun = Partial<Run>;
