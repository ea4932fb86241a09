import { getListRunsContract } from '../openapi/list-runs-contract.js';
import type { Exchange } from './check-response.js';
import type { PrismFinding } from './prism-output-validator.js';
import type { Violation } from './violation.js';

/** Which validator alone calls a response invalid. */
export type DisagreeingSide = 'ajv' | 'prism';

/** Ajv and Prism reach opposite verdicts on the same response. */
export interface Disagreement {
  /** The side that calls the response invalid; the other accepts it. */
  readonly onlyInvalidFor: DisagreeingSide;
  /** A sentence naming what the complaining side found. */
  readonly message: string;
}

/** What comparing the Ajv checker's violations with Prism's findings for one exchange shows. */
export interface CrossCheckResult {
  /** Prism findings the `select` rule explains: required fields the request left out. */
  readonly expectedPrismFindings: readonly PrismFinding[];
  /** Every other Prism finding; each one means Prism calls the response invalid. */
  readonly unexplainedPrismFindings: readonly PrismFinding[];
  /** Empty, or the one verdict on which the two sides differ. */
  readonly disagreements: readonly Disagreement[];
}

const MISSING_REQUIRED = /must have required property '([^']+)'$/;
const ARRAY_INDEX = /^\d+$/;

/**
 * Compares the two validators' verdicts on one exchange. Ajv (the project's checker) is the judge of the
 * body and content type; Prism is the second opinion. Prism reads the spec literally and knows nothing
 * of `select`, so for a 200 answer to a request whose `select` is valid, its "missing required property"
 * findings on a run (`body/<i>`) for fields the request did not select are expected and set aside;
 * nothing else is. A disagreement is when exactly one side then calls the response invalid.
 *
 * Every unexplained Prism finding counts as "invalid", whatever its severity: Prism reports an
 * undeclared status as an error only for 2xx and as a warning otherwise, while the Ajv checker rejects
 * any undeclared status; counting warnings applies that one policy on both sides instead of reporting a
 * disagreement for every 500. HEAD is judged on status alone on both sides: the Ajv checker skips body
 * and content type for HEAD, and the Prism adapter validates HEAD against bodiless responses.
 *
 * @example
 * const result = crossCheck(exchange, checkResponse(exchange), prism.validate(exchange));
 * if (!isCrossCheckClean(result)) console.log(result.disagreements, result.unexplainedPrismFindings);
 */
export function crossCheck(
  exchange: Exchange,
  ajv: readonly Violation[],
  prism: readonly PrismFinding[],
): CrossCheckResult {
  const notSelected = exchange.status === 200 ? fieldsLeftOutBySelect(exchange.request.url) : [];
  const isExpected = (finding: PrismFinding): boolean => {
    const [root, index, ...rest] = finding.path;
    if (finding.code !== 'required' || root !== 'body' || index === undefined || rest.length > 0)
      return false;
    const field = MISSING_REQUIRED.exec(finding.message)?.[1];
    return ARRAY_INDEX.test(index) && field !== undefined && notSelected.includes(field);
  };
  const expectedPrismFindings = prism.filter(isExpected);
  const unexplainedPrismFindings = prism.filter((finding) => !isExpected(finding));
  return {
    expectedPrismFindings,
    unexplainedPrismFindings,
    // Prism cannot see `select` either way: fields a projection should not carry are Ajv's alone to judge.
    disagreements: disagreementsOf(
      notSelected.length > 0 ? ajv.filter((violation) => !isExtraProjectedField(violation)) : ajv,
      unexplainedPrismFindings,
    ),
  };
}

/** An Ajv finding that a projected run carries a field the `select` did not ask for. */
function isExtraProjectedField(violation: Violation): boolean {
  return (
    violation.kind === 'body-schema' && violation.message.includes('must NOT have additional properties')
  );
}

/** True when Prism, after the `select` rule, finds nothing and Ajv agrees: the response passes both. */
export function isCrossCheckClean(result: CrossCheckResult): boolean {
  return result.unexplainedPrismFindings.length === 0 && result.disagreements.length === 0;
}

function disagreementsOf(ajv: readonly Violation[], prism: readonly PrismFinding[]): Disagreement[] {
  if (ajv.length > 0 && prism.length === 0) {
    return [
      {
        onlyInvalidFor: 'ajv',
        message: `Ajv rejects what Prism accepts: ${ajv.map((v) => v.message).join('; ')}`,
      },
    ];
  }
  if (prism.length > 0 && ajv.length === 0) {
    return [
      {
        onlyInvalidFor: 'prism',
        message: `Prism rejects what Ajv accepts: ${prism.map((f) => f.message).join('; ')}`,
      },
    ];
  }
  return [];
}

/**
 * The Run fields a request's `select` leaves out, or none when it has no `select` or an invalid one:
 * a request with an unknown column must get a 422, so its 200 gets no allowance.
 */
function fieldsLeftOutBySelect(url: string): readonly string[] {
  const contract = getListRunsContract();
  const selected = new URL(url, 'http://placeholder').searchParams.getAll('select');
  if (selected.length === 0 || !selected.every((field) => contract.selectableFields.includes(field)))
    return [];
  return contract.runFields.filter((field) => !selected.includes(field));
}
