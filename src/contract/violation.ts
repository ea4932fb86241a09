/** What a contract check can find wrong with one response. */
export const VIOLATION_KINDS = ['undeclared-status', 'content-type', 'invalid-json', 'body-schema'] as const;

/** One kind of contract violation. */
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** One way a response breaks the contract; returned as a value, never thrown. */
export interface Violation {
  readonly kind: ViolationKind;
  /** A sentence a person can act on, e.g. `/0/created_at must match format "date-time"`. */
  readonly message: string;
  /** JSON Pointer into the body, for body-schema violations. */
  readonly path?: string;
}
