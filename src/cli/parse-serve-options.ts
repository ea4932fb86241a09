import type { LatencyRange } from '../core/simulated-conditions.js';
import { isProfile, PROFILES, type Profile } from '../query/profile.js';
import type { LiveLifecycleOptions } from '../store/live-lifecycle.js';
import { DATASET_FLAGS, parseDatasetFlags, type DatasetFlags } from './parse-dataset-flags.js';
import { COMMAND_FLAGS, integerFlag, numberFlag, parseFlags } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** The default port: the one `langgraph dev` listens on, so apps need no change. */
export const DEFAULT_PORT = 2024;

/** The longest simulated latency; a longer one is a hang, and clients have timeouts for that. */
const MAX_LATENCY_MS = 60_000;

/** What `langgraph-mock serve` was asked to do. */
export interface ServeOptions extends DatasetFlags {
  readonly port: number;
  readonly host: string;
  readonly profile: Profile;
  readonly latency: LatencyRange | undefined;
  readonly errorRate: number | undefined;
  /** Live lifecycle settings, or undefined when `--live` is off. */
  readonly live: LiveLifecycleOptions | undefined;
  /** Serve this fixture file instead of the seeded dataset. */
  readonly fixtures: string | undefined;
  /** No request log. */
  readonly quiet: boolean;
  /** Require this x-api-key on every request. */
  readonly apiKey: string | undefined;
  /** Serve a fixture file that breaks the contract (a recording of such a server) with a warning. */
  readonly lenient: boolean;
}

/** Parses the arguments of `serve` (after the command word), or notes that help or the version was asked for. */
export function parseServeOptions(args: readonly string[]): ServeOptions | 'help' | 'version' {
  const { values } = parseFlags(args, {
    ...COMMAND_FLAGS,
    port: { type: 'string' },
    host: { type: 'string' },
    ...DATASET_FLAGS,
    profile: { type: 'string' },
    latency: { type: 'string' },
    'error-rate': { type: 'string' },
    'live-queued-ms': { type: 'string' },
    'live-running-ms': { type: 'string' },
    'live-error-rate': { type: 'string' },
    fixtures: { type: 'string' },
    'api-key': { type: 'string' },
    live: { type: 'boolean' },
    quiet: { type: 'boolean' },
    lenient: { type: 'boolean' },
  });
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  const profile = values.profile ?? 'contract';
  if (!isProfile(profile))
    throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, got '${profile}'`);
  const live = values.live === true;
  const liveFlags = (['live-queued-ms', 'live-running-ms', 'live-error-rate'] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (!live && liveFlags.length > 0) throw new UsageError(`--${liveFlags[0] ?? ''} needs --live`);
  const apiKey = values['api-key'];
  if (apiKey === '') throw new UsageError('--api-key must not be empty');
  const { fixtures } = values;
  if (fixtures === '') throw new UsageError('--fixtures must name a file');
  const lenient = values.lenient === true;
  if (lenient && fixtures === undefined) throw new UsageError('--lenient needs --fixtures');
  return {
    port: integerFlag('--port', values.port, { fallback: DEFAULT_PORT, max: 65_535 }),
    host: hostOption(values.host),
    ...parseDatasetFlags(values),
    profile,
    latency: latencyOption(values.latency),
    errorRate: numberFlag('--error-rate', values['error-rate'], 0, 1),
    live: live
      ? {
          ...optional(
            'queuedMs',
            numberFlag('--live-queued-ms', values['live-queued-ms'], 0, MAX_LATENCY_MS),
          ),
          ...optional('runningMs', numberFlag('--live-running-ms', values['live-running-ms'], 0, 3_600_000)),
          ...optional('errorRate', numberFlag('--live-error-rate', values['live-error-rate'], 0, 1)),
        }
      : undefined,
    fixtures,
    quiet: values.quiet === true,
    apiKey,
    lenient,
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function hostOption(value: string | undefined): string {
  if (value === undefined) return '127.0.0.1';
  if (value.trim() === '') throw new UsageError('--host must not be empty');
  return value;
}

/** `200` (fixed) or `100-400` (uniform), in milliseconds. */
function latencyOption(value: string | undefined): LatencyRange | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  const minMs = Number(match?.[1]);
  const maxMs = Number(match?.[2] ?? match?.[1]);
  if (match === null || minMs > maxMs || maxMs > MAX_LATENCY_MS) {
    throw new UsageError(
      `--latency must be milliseconds (200) or a range (100-400) up to ${MAX_LATENCY_MS}, got '${value}'`,
    );
  }
  return { minMs, maxMs };
}
