import { BadRequestError, NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { Random } from '../store/random.js';
import { InjectedFaultError } from './injected-fault-error.js';
import { parsePreferHeader } from './parse-prefer-header.js';

/** A delay range in milliseconds; `min === max` for a fixed delay. */
export interface LatencyRange {
  readonly minMs: number;
  readonly maxMs: number;
}

/** Network and failure conditions to simulate on List Runs. */
export interface SimulatedConditions {
  /** Delay every answer by a time drawn from this range. */
  readonly latency?: LatencyRange | undefined;
  /** Share of requests (0 to 1) answered with an injected 500. */
  readonly errorRate?: number | undefined;
}

/** What to do with one List Runs request: wait this long, then answer normally or throw `fault`. */
export interface ConditionsVerdict {
  readonly delayMs: number;
  /** The error to answer with instead of the page; undefined for the page itself. */
  readonly fault: Error | undefined;
}

/**
 * Delays, forced statuses and injected faults for the List Runs route, for UIs that must handle slow
 * responses and errors. Per request, `Prefer: delay=300` overrides `latency` and `Prefer: code=404`
 * forces a declared status (500 too, though the contract does not declare it). Random choices come
 * from `random`, so a seeded run of requests meets the same delays and faults every time.
 */
export function simulateConditions(
  conditions: SimulatedConditions,
  random: Random,
): (prefer: string | readonly string[] | undefined, threadId: () => string) => ConditionsVerdict {
  const declared = getListRunsContract().declaredStatuses.map(Number);
  return (prefer, threadId) => {
    const preferences = parsePreferHeader(prefer);
    const { latency, errorRate = 0 } = conditions;
    const delayMs =
      preferences.delayMs ??
      (latency === undefined
        ? 0
        : latency.minMs + Math.floor(random.next() * (latency.maxMs - latency.minMs + 1)));
    const failed = errorRate > 0 && random.next() < errorRate;
    const fault =
      preferences.code !== undefined
        ? forcedStatusError(preferences.code, declared, threadId())
        : failed
          ? new InjectedFaultError('Internal Server Error (injected by --error-rate)')
          : undefined;
    return { delayMs, fault };
  };
}

function forcedStatusError(code: number, declared: readonly number[], threadId: string): Error | undefined {
  if (code === 200) return undefined;
  if (code === 404) return new NotFoundError(`Thread with ID ${threadId} not found`);
  if (code === 422) return new ValidationError('Validation error (forced by Prefer: code=422)');
  if (code === 500) return new InjectedFaultError('Internal Server Error (forced by Prefer: code=500)');
  return new BadRequestError(
    `Prefer: code=${code} is not a status List Runs declares; use one of ${[...declared, 500].join(', ')}`,
  );
}
