import { resolvePrismOption } from '../contract/load-prism-output-validator.js';
import type { PrismOutputValidator } from '../contract/prism-output-validator.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { allChecks } from './all-checks.js';
import type { CheckFailure, CheckResult, ConformanceReport } from './check-result.js';
import { DEFAULT_COMBINATION_QUERIES } from './checks/model-combinations-check.js';
import { DEFAULT_MAX_EXAMPLES, groupFindings } from './group-findings.js';
import { DEFAULT_RULE_LEVEL, type RuleLevel } from './rule-level.js';
import { setupHints } from './setup-hints.js';
import {
  RUN_WINDOW,
  notAListFailure,
  type CheckContext,
  type NewestRuns,
  type WireRun,
} from './conformance-check.js';
import { createHttpProbe, ResponseCutOffError, ServerUnreachableError } from './http-probe.js';

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /** The server under test, e.g. `http://127.0.0.1:2024` (a path prefix is kept). */
  readonly baseUrl: string;
  /** A thread with runs: the more (and the more statuses), the more the checks can see. */
  readonly threadId: string;
  /** A thread with no runs, to check the empty state; optional. */
  readonly emptyThreadId?: string | undefined;
  /** Sent as `x-api-key`. */
  readonly apiKey?: string | undefined;
  /** Seed of the generated inputs (default 1): the same seed sends the same requests. */
  readonly seed?: number | undefined;
  /** Run the checks up to this rule level: `spec`, `semantics` (default) or `strict`. */
  readonly level?: RuleLevel | undefined;
  /** How many generated queries the combination check sends (default 200). */
  readonly queries?: number | undefined;
  /** How many example cases each finding keeps (default 3). */
  readonly maxExamples?: number | undefined;
  /** Only the checks whose id starts with one of these prefixes. */
  readonly only?: readonly string[] | undefined;
  /**
   * Have Prism's validator judge every response too, and report where it disagrees with Ajv: `true` (the
   * default) loads it and throws `PrismMissingError` when `@stoplight/prism-http` is not installed; `false`
   * runs Ajv alone; a validator (from `loadPrismOutputValidator`) is used as given.
   */
  readonly prism?: boolean | PrismOutputValidator | undefined;
  /** Called after each check, for progress output. */
  readonly onResult?: ((result: CheckResult) => void) | undefined;
}

/**
 * Runs the conformance suite against any server that claims the List Runs contract and returns the
 * report: one result per check, each failure with the request URLs that reproduce it. Throws
 * `ServerUnreachableError` only when the server cannot be reached at all.
 *
 * @example
 * const report = await runConformance({ baseUrl: 'http://127.0.0.1:2024', threadId });
 * expect(report.failed).toBe(0);
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const contract = getListRunsContract();
  const prism = await resolvePrismOption(options.prism ?? true);
  const withPrism = prism !== undefined;
  const level = options.level ?? DEFAULT_RULE_LEVEL;
  const maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
  const probe = createHttpProbe({ baseUrl: options.baseUrl, apiKey: options.apiKey, prism });
  const seed = options.seed ?? 1;
  const runsPath = (threadId: string, query = ''): string =>
    `/threads/${encodeURIComponent(threadId)}/runs${query === '' ? '' : `?${query}`}`;

  // Reachability first, so an unreachable server is a setup error rather than every check failing.
  try {
    await probe.get(runsPath(options.threadId, 'limit=1'));
  } catch (error) {
    if (!(error instanceof ResponseCutOffError)) throw error; // reachable: the checks will report it
  }

  let windowPromise: Promise<NewestRuns> | undefined;
  const context: CheckContext = {
    probe,
    contract,
    threadId: options.threadId,
    emptyThreadId: options.emptyThreadId,
    seed,
    queries: options.queries ?? DEFAULT_COMBINATION_QUERIES,
    runsPath,
    window: () => (windowPromise ??= fetchWindow(context)),
  };

  const results: CheckResult[] = [];
  const checks = allChecks(contract, {
    hasEmptyThread: options.emptyThreadId !== undefined,
    withPrism,
    level,
  }).filter(
    (check) => options.only === undefined || options.only.some((prefix) => check.id.startsWith(prefix)),
  );
  for (const check of checks) {
    const checkStarted = performance.now();
    let failures: CheckFailure[];
    try {
      failures = await check.run(context);
    } catch (error) {
      if (error instanceof WindowUnavailableError) failures = [error.failure];
      else if (error instanceof ResponseCutOffError)
        failures = [{ cause: 'a response was cut off', message: error.message, requests: [error.url] }];
      else if (error instanceof ServerUnreachableError)
        failures = [{ cause: 'the server stopped answering', message: error.message, requests: [] }];
      else throw error;
    }
    const result: CheckResult = {
      id: check.id,
      description: check.description,
      level: check.level,
      passed: failures.length === 0,
      durationMs: Math.round(performance.now() - checkStarted),
      findings: groupFindings(failures, maxExamples),
    };
    results.push(result);
    options.onResult?.(result);
  }
  const failed = results.filter((result) => !result.passed).length;
  return {
    baseUrl: probe.baseUrl,
    threadId: options.threadId,
    emptyThreadId: options.emptyThreadId,
    seed,
    level,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    results,
    passed: results.length - failed,
    failed,
    hints: setupHints(probe.history(), options.apiKey !== undefined),
  };
}

/** The thread's newest runs could not be listed; every check that needs them fails with this. */
class WindowUnavailableError extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.message);
  }
}

async function fetchWindow(context: CheckContext): Promise<NewestRuns> {
  // One more than the window tells whether the thread is longer than it.
  const response = await context.probe.get(context.runsPath(context.threadId, `limit=${RUN_WINDOW + 1}`));
  const failure = notAListFailure(response);
  if (failure !== undefined) throw new WindowUnavailableError(failure);
  const runs = response.json as WireRun[];
  return { runs: runs.slice(0, RUN_WINDOW), complete: runs.length <= RUN_WINDOW, url: response.url };
}
