/** Why a check failed, with what a person needs to reproduce it. */
export interface CheckFailure {
  readonly message: string;
  /** The request URL(s) that show the failure, in the order to send them. */
  readonly requests: readonly string[];
  readonly expected?: string;
  readonly actual?: string;
}

/** The outcome of one named check. */
export interface CheckResult {
  readonly id: string;
  readonly description: string;
  readonly passed: boolean;
  readonly durationMs: number;
  readonly failures: readonly CheckFailure[];
}

/** Everything one conformance run found. */
export interface ConformanceReport {
  readonly baseUrl: string;
  readonly threadId: string;
  readonly emptyThreadId: string | undefined;
  readonly seed: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly results: readonly CheckResult[];
  readonly passed: number;
  readonly failed: number;
}
