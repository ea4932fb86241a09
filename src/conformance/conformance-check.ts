import type { ListRunsContract } from '../openapi/list-runs-contract.js';
import type { CheckFailure } from './check-result.js';
import type { HttpProbe, ProbeResponse } from './http-probe.js';
import type { RuleLevel } from './rule-level.js';

/** A run as any server returns it: the checks assume nothing beyond what they verify. */
export type WireRun = Readonly<Record<string, unknown>>;

/** The newest runs of the thread under test, fetched once and shared by the checks. */
export interface NewestRuns {
  readonly runs: readonly WireRun[];
  /** True when the window holds every run of the thread. */
  readonly complete: boolean;
  /** The request that fetched it. */
  readonly url: string;
}

/** What a check can use. */
export interface CheckContext {
  readonly probe: HttpProbe;
  readonly contract: ListRunsContract;
  readonly threadId: string;
  readonly emptyThreadId: string | undefined;
  /** Seed for generated inputs (unknown thread ids, robustness and combination queries). */
  readonly seed: number;
  /** How many generated queries the combination check compares with its model. */
  readonly queries: number;
  /** The runs path of a thread, with an optional query string (without `?`). */
  runsPath(threadId: string, query?: string): string;
  /** The thread's newest runs (up to `RUN_WINDOW`), fetched on first use. */
  window(): Promise<NewestRuns>;
}

/** One named, independent conformance check. */
export interface ConformanceCheck {
  /** Stable id, `group.name`, used in reports and JUnit test case names. */
  readonly id: string;
  /** One line: what a server must do to pass, claiming no more than the check verifies. */
  readonly description: string;
  /** The basis of the rule: the spec, the real server's semantics, or the mock's strict profile. */
  readonly level: RuleLevel;
  /** Runs the check and returns what failed (empty: passed). */
  run(context: CheckContext): Promise<CheckFailure[]>;
}

/** How many runs the window holds; paging and filter checks compare against it. */
export const RUN_WINDOW = 60;

/** A failure for a response that is not a 200 JSON array, or undefined when it is one. */
export function notAListFailure(response: ProbeResponse): CheckFailure | undefined {
  if (response.status === 200 && Array.isArray(response.json)) return undefined;
  return {
    cause: `expected 200 with a JSON array of runs, got ${response.status}`,
    message: 'expected 200 with a JSON array of runs',
    requests: [response.url],
    expected: '200 [...]',
    actual: `${response.status} ${excerpt(response.text)}`,
  };
}

/** A short, single-line rendering of a body or value for failure messages. */
export function excerpt(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The run ids of a list, for compact expected/actual renderings. */
export function idsOf(runs: readonly WireRun[]): string {
  return excerpt(runs.map((run) => run['run_id']));
}
