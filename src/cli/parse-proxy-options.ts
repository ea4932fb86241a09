import { DEFAULT_TARGET_TIMEOUT_MS } from '../proxy/request-target.js';
import { parseRedactPath, RedactPathError, type RedactPath } from '../record/redact-path.js';
import { COMMAND_FLAGS, integerFlag, parseFlags } from './parse-flags.js';
import { DEFAULT_PORT } from './parse-serve-options.js';
import { UsageError } from './usage-error.js';

/** The longest `--timeout-ms`: ten minutes, past which a "slow" target is a dead one. */
const MAX_TIMEOUT_MS = 600_000;

/** What `langgraph-mock proxy` was asked to do. */
export interface ProxyCommandOptions {
  /** `--target` as given; the command checks it is a URL and that a server answers there. */
  readonly target: string;
  readonly port: number;
  readonly host: string;
  /** Sent to the target as x-api-key; never printed or written. */
  readonly apiKey: string | undefined;
  /** Record the runs seen into this fixture file. */
  readonly record: string | undefined;
  /** Answer 502 in place of a List Runs answer that breaks the contract. */
  readonly strict: boolean;
  readonly timeoutMs: number;
  readonly redact: readonly RedactPath[];
}

/** Parses the arguments of `proxy` (after the command word). */
export function parseProxyOptions(args: readonly string[]): ProxyCommandOptions | 'help' | 'version' {
  const { values } = parseFlags(args, {
    ...COMMAND_FLAGS,
    target: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'api-key': { type: 'string' },
    record: { type: 'string' },
    'timeout-ms': { type: 'string' },
    strict: { type: 'boolean' },
    redact: { type: 'string', multiple: true },
  });
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  const { record } = values;
  if (record === '') throw new UsageError('--record must name a file');
  const redact = redactPaths(values.redact);
  if (record === undefined && redact.length > 0) throw new UsageError('--redact needs --record');
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must not be empty');
  return {
    target: targetFlag(values.target),
    port: integerFlag('--port', values.port, { fallback: DEFAULT_PORT, max: 65_535 }),
    host,
    apiKey: apiKeyFlag(values['api-key']),
    record,
    strict: values.strict === true,
    timeoutMs: timeoutFlag(values['timeout-ms']),
    redact,
  };
}

/** `--target`, required. */
export function targetFlag(target: string | undefined): string {
  if (target === undefined || target === '') throw new UsageError('--target <url> is required');
  return target;
}

/** `--api-key`, never empty when given. */
export function apiKeyFlag(apiKey: string | undefined): string | undefined {
  if (apiKey === '') throw new UsageError('--api-key must not be empty');
  return apiKey;
}

/** `--timeout-ms`, at least 1 ms. */
export function timeoutFlag(value: string | undefined): number {
  const timeoutMs = integerFlag('--timeout-ms', value, {
    fallback: DEFAULT_TARGET_TIMEOUT_MS,
    max: MAX_TIMEOUT_MS,
  });
  if (timeoutMs === 0) throw new UsageError(`--timeout-ms must be from 1 to ${MAX_TIMEOUT_MS}`);
  return timeoutMs;
}

/** Every `--redact` path, parsed. */
export function redactPaths(values: readonly string[] | undefined): RedactPath[] {
  try {
    return (values ?? []).map(parseRedactPath);
  } catch (error) {
    if (error instanceof RedactPathError) throw new UsageError(error.message);
    throw error;
  }
}
