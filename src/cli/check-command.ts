import { writeFileSync } from 'node:fs';
import { formatJUnitReport } from '../conformance/reporters/junit-report.js';
import { formatCheckResult, formatSummary, formatTextReport } from '../conformance/reporters/text-report.js';
import { mockScenarioThreads } from '../conformance/discover-mock-threads.js';
import type { ConformanceReport } from '../conformance/check-result.js';
import { ServerUnreachableError } from '../conformance/http-probe.js';
import { runConformance } from '../conformance/run-conformance.js';
import type { CheckOptions, Reporter } from './parse-check-options.js';
import { prismForCheck } from './prism-for-check.js';
import type { ImportPrismAdapter } from '../contract/load-prism-output-validator.js';
import type { ConsoleOutput } from './serve-command.js';

/** Exit codes of `check`: all passed, a check failed, or the run could not happen. */
export const CHECK_EXIT = { passed: 0, failed: 1, unusable: 2 } as const;

/**
 * Runs the conformance suite and reports it. Progress goes to stdout as each check ends (to stderr when
 * stdout carries a JSON or JUnit document); `--output` writes the chosen report to a file.
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
  const emptyThreadId = options.emptyThreadId ?? discovered?.emptyThreadId;
  const documentOnStdout = options.output === undefined && options.reporter !== 'text';
  const progress = documentOnStdout ? output.err : output.out;
  const prism = await prismForCheck(options.prism, importPrism);
  if ('unusable' in prism) {
    output.err(prism.unusable);
    return CHECK_EXIT.unusable;
  }
  if (prism.note !== undefined) progress(prism.note);
  progress(`Checking ${options.baseUrl} against the List Runs contract (thread ${threadId})\n\n`);

  let report: ConformanceReport;
  try {
    report = await runConformance({
      baseUrl: options.baseUrl,
      threadId,
      emptyThreadId,
      apiKey: options.apiKey,
      seed: options.seed,
      prism: prism.prism,
      onResult: (result) => {
        progress(`${formatCheckResult(result)}\n`);
      },
    });
  } catch (error) {
    if (!(error instanceof ServerUnreachableError)) throw error;
    output.err(`langgraph-mock check: ${error.message}\n`);
    return CHECK_EXIT.unusable;
  }
  if (options.threadId === undefined && report.results.every((result) => !result.passed)) {
    progress(
      `\nnote: no --thread-id was given, so the mock's scenario thread ${threadId} was used; pass --thread-id for another server\n`,
    );
  }
  progress(`${formatSummary(report)}\n`);

  const document = render(report, options.reporter);
  if (options.output !== undefined) {
    try {
      writeFileSync(options.output, document);
    } catch (error) {
      output.err(`langgraph-mock check: cannot write ${options.output}: ${(error as Error).message}\n`);
      return CHECK_EXIT.unusable;
    }
  } else if (documentOnStdout) {
    output.out(document);
  }
  return report.failed === 0 ? CHECK_EXIT.passed : CHECK_EXIT.failed;
}

function render(report: ConformanceReport, reporter: Reporter): string {
  if (reporter === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (reporter === 'junit') return formatJUnitReport(report);
  return formatTextReport(report);
}
