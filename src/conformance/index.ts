// `langgraph-mock-server/conformance`: the conformance suite run against any base URL, its reports, and the
// optional Prism cross-check (loaded only when `@stoplight/prism-http` is installed).

export { runConformance, type ConformanceOptions } from './run-conformance.js';
export type { CheckFailure, CheckResult, ConformanceReport, Finding } from './check-result.js';
export { RULE_LEVELS, type RuleLevel } from './rule-level.js';
export { ServerUnreachableError } from './http-probe.js';
export { formatJUnitReport } from './reporters/junit-report.js';
export { formatTextReport } from './reporters/text-report.js';
export {
  loadPrismOutputValidator,
  PrismMissingError,
  PRISM_INSTALL_HINT,
} from '../contract/load-prism-output-validator.js';
export type { PrismFinding, PrismOutputValidator } from '../contract/prism-output-validator.js';
export {
  crossCheck,
  isCrossCheckClean,
  type CrossCheckResult,
  type Disagreement,
} from '../contract/cross-check.js';
