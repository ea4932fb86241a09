/** An assistant as the Agent Server creates one per graph: id = uuid5(graph namespace, graph_id). */
export interface Assistant {
  readonly graphId: string;
  readonly assistantId: string;
}

/**
 * Everything needed to rebuild any run of a thread on demand: its size, status mix and timeline. Run *i*
 * (chronological, 0 = oldest) is created at `lastCreatedMicros - (runCount - 1 - i) * spacingMicros`
 * minus a jitter below half the spacing, so creation order is index order and no two runs tie.
 */
export interface ThreadPlan {
  /** Position of the thread in the dataset; part of every run's seed. */
  readonly ordinal: number;
  /** Lower-case canonical UUID. */
  readonly threadId: string;
  /** Scenario name, or undefined for a random thread. */
  readonly scenario: string | undefined;
  /** Per-thread seed, derived from the dataset seed and the ordinal. */
  readonly salt: number;
  readonly runCount: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly spacingMicros: number;
  readonly lastCreatedMicros: number;
  /** The thread's usual assistant first; a few runs use the others. */
  readonly assistants: readonly Assistant[];
}
