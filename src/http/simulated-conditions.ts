import type { RequestHandler } from 'express';
import { BadRequestError, NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { threadIdForDetail, type Profile } from '../query/profile.js';
import type { Random } from '../store/random.js';
import { InjectedFaultError } from './injected-fault-error.js';
import { threadIdOf } from './list-runs-handler.js';
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

/**
 * Delays, forced statuses and injected faults for the List Runs route, for UIs that must handle slow
 * responses and errors. Per request, `Prefer: delay=300` overrides `latency` and `Prefer: code=404`
 * forces a declared status (500 too, though the contract does not declare it). Random choices come
 * from `random`, so a seeded run of requests meets the same delays and faults every time.
 */
export function simulateConditions(
  conditions: SimulatedConditions,
  random: Random,
  profile: Profile = 'contract',
): RequestHandler {
  const declared = getListRunsContract().declaredStatuses.map(Number);
  return (request, _response, next) => {
    const preferences = parsePreferHeader(request.headers.prefer);
    const { latency, errorRate = 0 } = conditions;
    const delayMs =
      preferences.delayMs ??
      (latency === undefined
        ? 0
        : latency.minMs + Math.floor(random.next() * (latency.maxMs - latency.minMs + 1)));
    const failed = errorRate > 0 && random.next() < errorRate;
    const answer = (): void => {
      if (preferences.code !== undefined) {
        const threadId = threadIdForDetail(profile, threadIdOf(request.path));
        next(forcedStatusError(preferences.code, declared, threadId));
      } else if (failed) {
        next(new InjectedFaultError('Internal Server Error (injected by --error-rate)'));
      } else {
        next();
      }
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
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
