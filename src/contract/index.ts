// `langgraph-mock-server/contract`: checking one List Runs response against the spec, with Ajv only.

export {
  checkResponse,
  createResponseChecker,
  type Exchange,
  type ResponseChecker,
} from './check-response.js';
export { VIOLATION_KINDS, type Violation, type ViolationKind } from './violation.js';
