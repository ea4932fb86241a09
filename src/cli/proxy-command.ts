import { createProxyServer, VIOLATIONS_PATH, type ListRunsAnswer } from '../proxy/create-proxy-server.js';
import { recordedThreadKey } from '../proxy/list-runs-target.js';
import { parseTargetUrl } from '../proxy/parse-target-url.js';
import { probeTarget } from '../proxy/request-target.js';
import { TargetError } from '../proxy/target-error.js';
import { formatViolation } from '../proxy/violation-log.js';
import { startRecordingFile, type RecordingFile } from '../record/recording-file.js';
import { RunRecorder } from '../record/run-recorder.js';
import type { ProxyCommandOptions } from './parse-proxy-options.js';
import type { ConsoleOutput } from './console-output.js';

/** The longest the start-up check waits for the target. */
const PROBE_TIMEOUT_MS = 10_000;

/** A running proxy, for the CLI to stop on a signal. */
export interface RunningProxy {
  /** Writes the recording one last time, closes the proxy, and says what was seen. */
  stop(): Promise<void>;
}

/**
 * Starts `langgraph-mock proxy`: checks the target answers HTTP, listens, logs each contract violation
 * on a line, and records runs when asked. Resolves with the running proxy, or with an exit code when it
 * could not start (2: bad target; 1: port busy or recording file not writable).
 */
export async function proxyCommand(
  options: ProxyCommandOptions,
  output: ConsoleOutput,
): Promise<RunningProxy | number> {
  const target = parseTargetUrl(options.target);
  if (target === undefined) {
    output.err(
      `langgraph-mock proxy: --target must be an http:// or https:// URL, got '${options.target}'\n`,
    );
    return 2;
  }
  try {
    await probeTarget(target, Math.min(options.timeoutMs, PROBE_TIMEOUT_MS));
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    output.err(`langgraph-mock proxy: ${error.message}\n`);
    return 2;
  }
  const recorder = options.record === undefined ? undefined : new RunRecorder({ redact: options.redact });
  let recording: RecordingFile | undefined;
  if (recorder !== undefined && options.record !== undefined) {
    try {
      recording = startRecordingFile({
        recorder,
        path: options.record,
        onError: (error) => {
          output.err(`langgraph-mock proxy: cannot write ${options.record}: ${error.message}\n`);
        },
      });
    } catch (error) {
      output.err(`langgraph-mock proxy: cannot write ${options.record}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  let proxy;
  try {
    proxy = await createProxyServer({
      target,
      port: options.port,
      host: options.host,
      apiKey: options.apiKey,
      strict: options.strict,
      timeoutMs: options.timeoutMs,
      onViolation: (violation) => {
        output.out(`${formatViolation(violation)}\n`);
      },
      onTargetFailure: (request, error) => {
        output.out(`target failed: ${request}: ${error.message}\n`);
      },
      onListRunsAnswer:
        recorder === undefined
          ? undefined
          : (answer) => {
              recordAnswer(recorder, answer);
            },
    });
  } catch (error) {
    recording?.stop();
    const code = (error as NodeJS.ErrnoException).code;
    output.err(
      `langgraph-mock proxy: cannot start: ${code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port 0 for a free one)` : (error as Error).message}\n`,
    );
    return 1;
  }
  const lines = [
    `langgraph-mock proxy listening on ${proxy.url}`,
    `forwarding to ${target.origin}${target.pathname === '/' ? '' : target.pathname}${options.apiKey === undefined ? '' : ' (with your --api-key)'}`,
    `checking every List Runs answer against the contract${options.strict ? '; --strict: a violating answer becomes a 502' : ''}`,
    `violations: ${proxy.url}${VIOLATIONS_PATH}`,
  ];
  if (options.record !== undefined) {
    lines.push(`recording runs to ${options.record} (written every few seconds and on exit)`);
  }
  if (options.host === '0.0.0.0' || options.host === '::') {
    lines.push(`warning: bound to ${options.host}: the proxy is reachable from other machines`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  output.out(`${lines.join('\n')}\n`);

  return {
    stop: async () => {
      recording?.stop();
      try {
        recording?.flush();
      } catch (error) {
        output.err(
          `langgraph-mock proxy: cannot write ${options.record ?? ''}: ${(error as Error).message}\n`,
        );
      }
      const summary = [`${proxy.violations.total} contract violations seen`];
      if (recorder !== undefined) {
        const { threads, runs, partialRuns } = recorder.counts();
        summary.push(
          `recorded ${runs} runs of ${threads} threads to ${options.record ?? ''}${partialRuns > 0 ? ` (${partialRuns} seen only through select: serve with --lenient)` : ''}`,
        );
      }
      output.out(`${summary.join('; ')}\n`);
      await proxy.close();
    },
  };
}

/** The runs of a 200 List Runs answer go into the recording, keyed by the thread of the request. */
function recordAnswer(recorder: RunRecorder, answer: ListRunsAnswer): void {
  const threadId = recordedThreadKey(answer.thread);
  if (answer.status !== 200 || threadId === undefined) return;
  let runs: unknown;
  try {
    runs = JSON.parse(answer.body);
  } catch {
    return; // already a violation; nothing to record
  }
  if (Array.isArray(runs)) recorder.observe(threadId, runs);
}
