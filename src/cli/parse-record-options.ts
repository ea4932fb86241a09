import type { RedactPath } from '../record/redact-path.js';
import { isUuid } from '../openapi/uuid-format.js';
import { COMMAND_FLAGS, parseFlags } from './parse-flags.js';
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
  const { values } = parseFlags(args, {
    ...COMMAND_FLAGS,
    target: { type: 'string' },
    output: { type: 'string' },
    'api-key': { type: 'string' },
    'timeout-ms': { type: 'string' },
    'thread-id': { type: 'string', multiple: true },
    redact: { type: 'string', multiple: true },
  });
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  const threadIds = values['thread-id'] ?? [];
  if (threadIds.length === 0) throw new UsageError('--thread-id <uuid> is required (once per thread)');
  const notUuid = threadIds.find((id) => !isUuid(id));
  if (notUuid !== undefined) throw new UsageError(`--thread-id must be a UUID, got '${notUuid}'`);
  const { output } = values;
  if (output === undefined || output === '') throw new UsageError('--output <file> is required');
  return {
    target: targetFlag(values.target),
    threadIds: [...new Set(threadIds.map((id) => id.toLowerCase()))],
    output,
    apiKey: apiKeyFlag(values['api-key']),
    timeoutMs: timeoutFlag(values['timeout-ms']),
    redact: redactPaths(values.redact),
  };
}
