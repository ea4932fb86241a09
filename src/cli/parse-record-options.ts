import type { RedactPath } from '../record/redact-path.js';
import { isUuid } from '../openapi/uuid-format.js';
import { parseFlags } from './parse-flags.js';
import { apiKeyFlag, redactPaths, targetFlag, timeoutFlag } from './parse-proxy-options.js';
import { UsageError } from './usage-error.js';

/** What `langgraph-mock record` was asked to do. */
export interface RecordOptions {
  /** `--target` as given; the command checks it is a URL and that a server answers there. */
  readonly target: string;
  /** The threads to record, each whole. */
  readonly threadIds: readonly string[];
  /** The fixture file to write. */
  readonly output: string;
  /** Sent as x-api-key; never printed or written. */
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  readonly redact: readonly RedactPath[];
}

/** Parses the arguments of `record` (after the command word). */
export function parseRecordOptions(args: readonly string[]): RecordOptions | 'help' | 'version' {
  const flags = parseFlags(
    args,
    ['target', 'output', 'api-key', 'timeout-ms'],
    false,
    [],
    ['thread-id', 'redact'],
  );
  if (flags.has('help')) return 'help';
  if (flags.has('version')) return 'version';
  const threadIds = flags.strings('thread-id');
  if (threadIds.length === 0) throw new UsageError('--thread-id <uuid> is required (once per thread)');
  const notUuid = threadIds.find((id) => !isUuid(id));
  if (notUuid !== undefined) throw new UsageError(`--thread-id must be a UUID, got '${notUuid}'`);
  const output = flags.string('output');
  if (output === undefined || output === '') throw new UsageError('--output <file> is required');
  return {
    target: targetFlag(flags),
    threadIds: [...new Set(threadIds.map((id) => id.toLowerCase()))],
    output,
    apiKey: apiKeyFlag(flags),
    timeoutMs: timeoutFlag(flags),
    redact: redactPaths(flags),
  };
}
