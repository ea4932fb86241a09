import { formatFixtures } from '../fixtures/export-fixtures.js';
import { parseTargetUrl } from '../proxy/parse-target-url.js';
import { probeTarget } from '../proxy/request-target.js';
import { TargetError } from '../proxy/target-error.js';
import { RecordPageError, recordThreads } from '../record/record-threads.js';
import { RunRecorder } from '../record/run-recorder.js';
import { writeFileAtomically } from '../record/write-file-atomically.js';
import type { RecordOptions } from './parse-record-options.js';
import type { ConsoleOutput } from './console-output.js';

/** Violations printed one by one; the rest are counted. */
const MAX_PRINTED_VIOLATIONS = 20;

/**
 * Records each thread's whole list from the target into a fixture file, with a progress line per thread.
 * Returns the exit code: 0 written; 1 the target answered an error, or the file could not be written;
 * 2 the target is not a URL, not reachable, not HTTP or too slow.
 */
export async function recordCommand(options: RecordOptions, output: ConsoleOutput): Promise<number> {
  const target = parseTargetUrl(options.target);
  if (target === undefined) {
    output.err(
      `langgraph-mock record: --target must be an http:// or https:// URL, got '${options.target}'\n`,
    );
    return 2;
  }
  const recorder = new RunRecorder({ redact: options.redact });
  let violations = 0;
  try {
    await probeTarget(target, options.timeoutMs);
    await recordThreads({
      target,
      threadIds: options.threadIds,
      recorder,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs,
      onThread: ({ threadId, runs, pages }) => {
        output.err(`thread ${threadId}: ${runs} runs (${pages} ${pages === 1 ? 'page' : 'pages'})\n`);
      },
      onViolation: (url, violation) => {
        violations++;
        if (violations <= MAX_PRINTED_VIOLATIONS) {
          output.err(`violation: GET ${url}: ${violation.kind}: ${violation.message}\n`);
        }
      },
    });
  } catch (error) {
    if (error instanceof TargetError) {
      output.err(`langgraph-mock record: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RecordPageError) {
      output.err(`langgraph-mock record: ${error.message}; nothing written\n`);
      return 1;
    }
    throw error;
  }
  try {
    writeFileAtomically(options.output, formatFixtures(recorder.toFixtureFile()));
  } catch (error) {
    output.err(`langgraph-mock record: cannot write ${options.output}: ${(error as Error).message}\n`);
    return 1;
  }
  const { threads, runs } = recorder.counts();
  const noted =
    violations === 0
      ? ''
      : `; ${violations} contract violations (${violations > MAX_PRINTED_VIOLATIONS ? `first ${MAX_PRINTED_VIOLATIONS} shown; ` : ''}recorded as they came: serve the file with --lenient)`;
  output.err(`wrote ${options.output}: ${runs} runs of ${threads} threads${noted}\n`);
  return 0;
}
