import type { LatencyRange } from '../core/simulated-conditions.js';
import { isProfile, PROFILES, type Profile } from '../query/profile.js';
import type { LiveLifecycleOptions } from '../store/live-lifecycle.js';
import { DATASET_FLAGS, parseDatasetFlags, type DatasetFlags } from './parse-dataset-flags.js';
import { integerFlag, numberFlag, parseFlags } from './parse-flags.js';
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
}

/** Parses the arguments of `serve` (after the command word), or notes that help or the version was asked for. */
export function parseServeOptions(args: readonly string[]): ServeOptions | 'help' | 'version' {
  const flags = parseFlags(
    args,
    [
      'port',
      'host',
      ...DATASET_FLAGS,
      'profile',
      'latency',
      'error-rate',
      'live-queued-ms',
      'live-running-ms',
      'live-error-rate',
      'fixtures',
      'api-key',
    ],
    false,
    ['live', 'quiet'],
  );
  if (flags.has('help')) return 'help';
  if (flags.has('version')) return 'version';
  const profile = flags.string('profile') ?? 'contract';
  if (!isProfile(profile))
    throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, got '${profile}'`);
  const liveFlags = ['live-queued-ms', 'live-running-ms', 'live-error-rate'].filter(
    (name) => flags.string(name) !== undefined,
  );
  if (!flags.has('live') && liveFlags.length > 0)
    throw new UsageError(`--${liveFlags[0] ?? ''} needs --live`);
  const apiKey = flags.string('api-key');
  if (apiKey === '') throw new UsageError('--api-key must not be empty');
  const fixtures = flags.string('fixtures');
  if (fixtures === '') throw new UsageError('--fixtures must name a file');
  return {
    port: integerFlag('--port', flags.string('port'), DEFAULT_PORT, 65_535),
    host: hostOption(flags.string('host')),
    ...parseDatasetFlags(flags),
    profile,
    latency: latencyOption(flags.string('latency')),
    errorRate: numberFlag('--error-rate', flags.string('error-rate'), 0, 1),
    live: flags.has('live')
      ? {
          ...optional(
            'queuedMs',
            numberFlag('--live-queued-ms', flags.string('live-queued-ms'), 0, MAX_LATENCY_MS),
          ),
          ...optional(
            'runningMs',
            numberFlag('--live-running-ms', flags.string('live-running-ms'), 0, 3_600_000),
          ),
          ...optional('errorRate', numberFlag('--live-error-rate', flags.string('live-error-rate'), 0, 1)),
        }
      : undefined,
    fixtures,
    quiet: flags.has('quiet'),
    apiKey,
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
