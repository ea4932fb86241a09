import type { ConformanceReport, Finding } from './check-result.js';

/** The causes an earlier run found, by check id: what a baseline file holds. */
export type Baseline = ReadonlyMap<string, ReadonlySet<string>>;

/** A baseline file that is not a JSON report of `check`. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** A finding of one check. */
export interface CheckFinding {
  readonly checkId: string;
  readonly finding: Finding;
}

/** A run's findings split by whether the baseline knows their cause. */
export interface BaselineComparison {
  /** Findings whose cause is not in the baseline: only these fail a gated run. */
  readonly added: readonly CheckFinding[];
  readonly known: readonly CheckFinding[];
  /** Baselined causes this run no longer finds, among the checks it ran. */
  readonly gone: readonly { readonly checkId: string; readonly cause: string }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the causes out of a JSON report of an earlier run (`check --reporter json`). Throws
 * `BaselineError` naming what is wrong when the text is not such a report.
 *
 * @example
 * const baseline = parseBaseline(readFileSync('known.json', 'utf8'));
 */
export function parseBaseline(text: string): Baseline {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not JSON: ${(error as Error).message}`);
  }
  const results = isRecord(document) ? document['results'] : undefined;
  if (!Array.isArray(results)) {
    throw new BaselineError('not a JSON report of check: no "results" list (write one with --reporter json)');
  }
  const baseline = new Map<string, Set<string>>();
  for (const [index, result] of results.entries()) {
    const id: unknown = isRecord(result) ? result['id'] : undefined;
    const findings: unknown = isRecord(result) ? result['findings'] : undefined;
    if (typeof id !== 'string' || !Array.isArray(findings)) {
      throw new BaselineError(`results[${index}] has no "id" and "findings" (a report of an older version?)`);
    }
    const causes = new Set<string>();
    for (const finding of findings) {
      const cause: unknown = isRecord(finding) ? finding['cause'] : undefined;
      if (typeof cause !== 'string')
        throw new BaselineError(`results[${index}].findings holds a finding without a "cause"`);
      causes.add(cause);
    }
    baseline.set(id, causes);
  }
  return baseline;
}

/** Splits a run's findings into new and known ones, and lists the baselined ones that are gone. */
export function compareWithBaseline(report: ConformanceReport, baseline: Baseline): BaselineComparison {
  const added: CheckFinding[] = [];
  const known: CheckFinding[] = [];
  const gone: { checkId: string; cause: string }[] = [];
  for (const result of report.results) {
    const causes = baseline.get(result.id) ?? new Set<string>();
    for (const finding of result.findings) {
      (causes.has(finding.cause) ? known : added).push({ checkId: result.id, finding });
    }
    for (const cause of causes) {
      if (!result.findings.some((finding) => finding.cause === cause))
        gone.push({ checkId: result.id, cause });
    }
  }
  return { added, known, gone };
}

/** The comparison as text: counts, then each new finding and each gone one. */
export function formatBaselineComparison(comparison: BaselineComparison, file: string): string {
  return [
    `Baseline ${file}: ${comparison.added.length} new, ${comparison.known.length} known, ${comparison.gone.length} gone`,
    ...comparison.added.map(
      ({ checkId, finding }) => `  new:   ${checkId}: ${finding.cause} (${finding.count})`,
    ),
    ...comparison.gone.map(({ checkId, cause }) => `  gone:  ${checkId}: ${cause}`),
  ].join('\n');
}
