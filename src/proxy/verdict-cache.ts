import type { Violation } from '../contract/violation.js';

/** Requests whose last answer is remembered; the oldest is forgotten first. */
const MAX_ENTRIES = 256;
/** Answers longer than this are checked every time: remembering them would cost more memory than time. */
const MAX_REMEMBERED_BYTES = 64 * 1024;

/** One answer to one request, as the check sees it. */
export interface CheckedAnswer {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The body's bytes as they came (still content-encoded, if they were). */
  readonly bytes: Buffer;
}

interface Remembered {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly bytes: Buffer;
  readonly violations: Violation[];
}

/**
 * The last verdict of the contract check per request (method and URL). An answer identical to the last
 * one to the same request (same status, content type and bytes) gets the same verdict without decoding
 * or validating it again: the check is a pure function of those, a server asked the same page twice
 * mostly answers the same bytes, and comparing bytes costs far less than parsing and validating them.
 */
export class VerdictCache {
  readonly #byRequest = new Map<string, Remembered>();

  /** The violations remembered for `answer`, or undefined unless it repeats the last answer to its request. */
  recall(answer: CheckedAnswer): Violation[] | undefined {
    if (answer.bytes.length > MAX_REMEMBERED_BYTES) return undefined;
    const known = this.#byRequest.get(keyOf(answer));
    return known !== undefined &&
      known.status === answer.status &&
      known.contentType === answer.contentType &&
      known.bytes.equals(answer.bytes)
      ? known.violations
      : undefined;
  }

  /** Remembers the violations of `answer` as the verdict on its request's last answer. */
  remember(answer: CheckedAnswer, violations: Violation[]): void {
    if (answer.bytes.length > MAX_REMEMBERED_BYTES) return;
    const key = keyOf(answer);
    if (!this.#byRequest.has(key) && this.#byRequest.size >= MAX_ENTRIES) {
      const oldest = this.#byRequest.keys().next();
      if (oldest.done !== true) this.#byRequest.delete(oldest.value);
    }
    this.#byRequest.set(key, {
      status: answer.status,
      contentType: answer.contentType,
      // A copy: the answer's bytes may be a slice of a larger socket buffer, which would stay alive too.
      bytes: Buffer.from(answer.bytes),
      violations,
    });
  }
}

function keyOf(answer: CheckedAnswer): string {
  return `${answer.method} ${answer.url}`;
}
