// The public API of langgraph-mock-server. Everything else is internal.

// Serving the mock
export { createMockServer, type MockServer, type MockServerOptions } from './http/create-mock-server.js';
export { createApp, type AppOptions } from './http/create-app.js';

// The seeded store
export {
  createSeededStore,
  DEFAULT_SEED,
  DEFAULT_RANDOM_THREADS,
  type SeededStoreOptions,
} from './store/create-seeded-store.js';
export { RunStore, type RunPageRequest, type ThreadSummary } from './store/run-store.js';
export type { Run, RunField, ProjectedRun } from './store/run.js';
export { loadDatasetDefinition } from './fixtures/load-dataset-definition.js';
export {
  parseDatasetDefinition,
  DatasetDefinitionError,
  type DatasetDefinition,
  type ScenarioDefinition,
} from './store/dataset-definition.js';

// Writes, live runs and fixtures
export { LiveLifecycle, type LiveLifecycleOptions } from './store/live-lifecycle.js';
export type { Clock, RunStoreOptions } from './store/run-store.js';
export { exportFixtures, formatFixtures } from './fixtures/export-fixtures.js';
export { loadFixtures, parseFixtures, FixtureError, type FixtureProblem } from './fixtures/parse-fixtures.js';
export { createFixtureStore, type FixtureStoreOptions } from './fixtures/create-fixture-store.js';
export type { FixtureFile, FixtureThread } from './fixtures/fixture-file.js';

// Query semantics
export { parseListRunsQuery } from './query/parse-list-runs-query.js';
export { parseAgentServerQuery } from './query/parse-agent-server-query.js';
export { PROFILES, type Profile } from './query/profile.js';
export type { ListRunsQuery } from './query/list-runs-query.js';
export { selectFields } from './query/select-fields.js';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  NotFoundError,
  ValidationError,
} from './errors/domain-errors.js';

// The contract
export { getListRunsContract, type ListRunsContract } from './openapi/list-runs-contract.js';
export {
  checkResponse,
  createResponseChecker,
  type Exchange,
  type ResponseChecker,
} from './contract/check-response.js';
export { VIOLATION_KINDS, type Violation, type ViolationKind } from './contract/violation.js';

// Conformance
export { runConformance, type ConformanceOptions } from './conformance/run-conformance.js';
export type { CheckFailure, CheckResult, ConformanceReport } from './conformance/check-result.js';
export { ServerUnreachableError } from './conformance/http-probe.js';
export { formatJUnitReport } from './conformance/reporters/junit-report.js';
export { formatTextReport } from './conformance/reporters/text-report.js';
