/** Why the target did not give an answer: nobody listening, something other than HTTP, or too slow. */
export const TARGET_FAILURES = ['unreachable', 'not-http', 'timeout'] as const;

/** One way the target can fail to answer. */
export type TargetFailure = (typeof TARGET_FAILURES)[number];

/** The target gave no usable HTTP answer; the proxy maps it to 502 (or 504 on a timeout), the CLI to exit 2. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly failure: TargetFailure;

  constructor(failure: TargetFailure, message: string) {
    super(message);
    this.failure = failure;
  }
}

// Node's HTTP parser names its errors HPE_*: the bytes that came back were not an HTTP response.
const NOT_HTTP_CODES = /^HPE_/;

/** Names what went wrong with a request to `target`, from the error Node's HTTP client raised. */
export function classifyTargetError(error: unknown, target: URL): TargetError {
  if (error instanceof TargetError) return error;
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : '';
  const reason = (error as Error).message || code;
  if (NOT_HTTP_CODES.test(code)) {
    return new TargetError('not-http', `target ${target.origin} did not answer HTTP (${code})`);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new TargetError('unreachable', `target ${target.origin} dropped the connection (${code})`);
  }
  return new TargetError('unreachable', `target ${target.origin} is unreachable: ${reason}`);
}

/** The answer to give a client when the target failed: 504 for a timeout, 502 for the rest. */
export function targetFailureStatus(error: TargetError): 502 | 504 {
  return error.failure === 'timeout' ? 504 : 502;
}
