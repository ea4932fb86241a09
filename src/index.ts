// The public API of langgraph-mock-server for serving the mock. Everything else is internal.

// Serving the mock
export { createMockServer, type MockServer, type MockServerOptions } from './http/create-mock-server.js';
export { createApp, type AppOptions } from './http/create-app.js';
export { createRequestCore, type RequestCore, type RequestCoreOptions } from './core/create-request-core.js';
export type { MockRequest, RequestHeaders } from './core/mock-request.js';
export type { MockResponse } from './core/mock-response.js';

// The seeded store
export {
  createSeededStore,
  DEFAULT_SEED,
  DEFAULT_RANDOM_THREADS,
  type SeededStoreOptions,
} from './store/create-seeded-store.js';
export { RunStore, type RunPageRequest, type ThreadSummary } from './store/run-store.js';
export { loadFaker } from './store/seeded-faker.js';
export type { Run, RunField, ProjectedRun } from './store/run.js';

export {
  loadDatasetDefinition,
  parseDatasetDefinition,
  DatasetDefinitionError,
  type DatasetDefinition,
  type ScenarioDefinition,
} from './store/dataset-definition.js';
export { readDatasetFile } from './fixtures/read-dataset-file.js';

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

// The spec, as the server reads it
export { getListRunsContract, type ListRunsContract } from './openapi/list-runs-contract.js';

// Checking responses is `langgraph-mock-server/contract` (Ajv) and the conformance suite is
// `langgraph-mock-server/conformance` (Ajv, fast-check, Prism when installed): importing this entry loads none
// of them, so serving the mock costs no more than Express and the store.
