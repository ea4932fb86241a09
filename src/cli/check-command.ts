import { readFileSync, writeFileSync } from 'node:fs';
import {
  BaselineError,
  compareWithBaseline,
  formatBaselineComparison,
  parseBaseline,
  type Baseline,
} from '../conformance/baseline.js';
import type { ConformanceReport } from '../conformance/check-result.js';
import { mockScenarioThreads } from '../conformance/discover-mock-threads.js';
import { ServerUnreachableError } from '../conformance/http-probe.js';
import { formatJUnitReport } from '../conformance/reporters/junit-report.js';
import { formatSummary, formatTextReport } from '../conformance/reporters/text-report.js';
import { runConformance } from '../conformance/run-conformance.js';
import type { CheckOptions, Reporter } from './parse-check-options.js';
import { prismForCheck } from './prism-for-check.js';
import type { ImportPrismAdapter } from '../contract/load-prism-output-validator.js';
import type { ConsoleOutput } from './console-output.js';

/** Exit codes of `check`: all passed (or nothing new against the baseline), a check failed, or the run could not happen. */
export const CHECK_EXIT = { passed: 0, failed: 1, unusable: 2 } as const;

/**
 * Runs the conformance suite and reports it. The text report goes to stdout; a JSON or JUnit document
 * goes to stdout with the summary on stderr; with `--output` the chosen report goes to the file and the
 * terminal gets the summary only. With `--baseline`, only findings the baseline does not hold fail.
 */
export async function checkCommand(
  options: CheckOptions,
  output: ConsoleOutput,
  importPrism?: ImportPrismAdapter,
): Promise<number> {
  const discovered = options.threadId === undefined ? mockScenarioThreads() : undefined;
  const threadId = options.threadId ?? discovered?.threadId;
  if (threadId === undefined) {
    output.err('langgraph-mock check: --thread-id is required (no scenario threads to fall back on)\n');
    return CHECK_EXIT.unusable;
  }
  let baseline: Baseline | undefined;
  if (options.baseline !== undefined) {
    try {
      baseline = parseBaseline(readFileSync(options.baseline, 'utf8'));
    } catch (error) {
      const reason = error instanceof BaselineError ? error.message : (error as Error).message;
      output.err(`langgraph-mock check: cannot use --baseline ${options.baseline}: ${reason}\n`);
      return CHECK_EXIT.unusable;
    }
  }
  const prism = await prismForCheck(options.prism, importPrism);
  if ('unusable' in prism) {
    output.err(prism.unusable);
    return CHECK_EXIT.unusable;
  }
  // The note goes where it cannot corrupt a JSON or JUnit document written to stdout.
  const documentOnStdout = options.output === undefined && options.reporter !== 'text';
  if (prism.note !== undefined) (documentOnStdout ? output.err : output.out)(prism.note);

  let report: ConformanceReport;
  try {
    report = await runConformance({
      baseUrl: options.baseUrl,
      threadId,
      emptyThreadId: options.emptyThreadId ?? discovered?.emptyThreadId,
      apiKey: options.apiKey,
      seed: options.seed,
      level: options.level,
      queries: options.queries,
      maxExamples: options.maxExamples,
      prism: prism.prism,
    });
  } catch (error) {
    if (!(error instanceof ServerUnreachableError)) throw error;
    output.err(`langgraph-mock check: ${error.message}\n`);
    return CHECK_EXIT.unusable;
  }

  const notes: string[] = [];
  if (options.threadId === undefined && report.results.every((result) => !result.passed)) {
    notes.push(
      `note: no --thread-id was given, so the mock's scenario thread ${threadId} was used; pass --thread-id for another server`,
    );
  }
  const comparison = baseline === undefined ? undefined : compareWithBaseline(report, baseline);
  if (comparison !== undefined && options.baseline !== undefined) {
    notes.push(formatBaselineComparison(comparison, options.baseline));
  }
  const tail = notes.map((note) => `\n${note}\n`).join('');

  const document = render(report, options.reporter);
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, document);
    } catch (error) {
      output.err(`langgraph-mock check: cannot write ${options.output}: ${(error as Error).message}\n`);
      return CHECK_EXIT.unusable;
    }
    output.out(`${formatSummary(report)}\n${tail}`);
  } else if (options.reporter === 'text') {
    output.out(`${document}${tail}`);
  } else {
    output.out(document);
    output.err(`${formatSummary(report)}\n${tail}`);
  }
  const failed = comparison === undefined ? report.failed > 0 : comparison.added.length > 0;
  return failed ? CHECK_EXIT.failed : CHECK_EXIT.passed;
}

function render(report: ConformanceReport, reporter: Reporter): string {
  if (reporter === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (reporter === 'junit') return formatJUnitReport(report);
  return formatTextReport(report);
}
