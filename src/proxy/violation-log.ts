import type { Violation } from '../contract/violation.js';

/** One contract violation in a live answer: which request, which answer, which rule, what detail. */
export interface ObservedViolation extends Violation {
  /** When the answer came, as an ISO 8601 date-time. */
  readonly at: string;
  readonly method: string;
  /** The request's path and query, as the client sent them. */
  readonly url: string;
  /** The status the target answered. */
  readonly status: number;
}

/** The newest violations kept; a server breaking the contract on every answer must not fill the memory. */
export const MAX_KEPT_VIOLATIONS = 10_000;

/** The violations a proxy has seen, oldest first, with a count of all of them. */
export class ViolationLog {
  #kept: ObservedViolation[] = [];
  #total = 0;

  /** Notes a violation (the oldest kept one is dropped once `MAX_KEPT_VIOLATIONS` are kept). */
  add(violation: ObservedViolation): void {
    this.#total++;
    this.#kept.push(violation);
    if (this.#kept.length > MAX_KEPT_VIOLATIONS) this.#kept.shift();
  }

  /** How many violations were seen in all, including any no longer kept. */
  get total(): number {
    return this.#total;
  }

  /** The kept violations, oldest first. */
  list(): readonly ObservedViolation[] {
    return this.#kept;
  }

  /** What `GET /__mock/violations` answers. */
  toJSON(): { total: number; violations: readonly ObservedViolation[] } {
    return { total: this.#total, violations: this.#kept };
  }
}

/** A violation as one log line: the request, the status, the rule and the detail. */
export function formatViolation(violation: ObservedViolation): string {
  return `violation: ${violation.method} ${violation.url} -> ${violation.status}: ${violation.kind}: ${violation.message}`;
}
