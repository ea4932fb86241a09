import type { RuleLevel } from './rule-level.js';

/** One failing case of a check, with what a person needs to reproduce it. */
export interface CheckFailure {
  /**
   * What went wrong, stated without the case's particulars (no URL, index or value), so that cases with
   * the same cause group into one finding and a baseline recognises it in a later run. Defaults to
   * `message`.
   */
  readonly cause?: string;
  readonly message: string;
  /** The request URL(s) that show the failure, in the order to send them. */
  readonly requests: readonly string[];
  readonly expected?: string;
  readonly actual?: string;
}

/** One cause of failure of a check: how many cases it explains, and the first few of them. */
export interface Finding {
  readonly cause: string;
  /** How many failing cases share this cause. */
  readonly count: number;
  /** The first cases, at most the run's `maxExamples`. */
  readonly examples: readonly CheckFailure[];
}

/** The outcome of one named check. */
export interface CheckResult {
  readonly id: string;
  readonly description: string;
  /** The basis of the check's rule. */
  readonly level: RuleLevel;
  readonly passed: boolean;
  readonly durationMs: number;
  /** One finding per distinct cause, the most frequent first (empty: passed). */
  readonly findings: readonly Finding[];
}

/** Everything one conformance run found. */
export interface ConformanceReport {
  readonly baseUrl: string;
  readonly threadId: string;
  readonly emptyThreadId: string | undefined;
  readonly seed: number;
  /** The rule level the run checked up to. */
  readonly level: RuleLevel;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly results: readonly CheckResult[];
  readonly passed: number;
  readonly failed: number;
  /** Advice for a run that looks like a setup problem (e.g. a missing API key); empty when none. */
  readonly hints: readonly string[];
}
