import { loadOpenApiDocument } from './load-openapi-document.js';

/** The path template of the one operation this project implements, as the spec writes it. */
export const LIST_RUNS_PATH = '/threads/{thread_id}/runs';

/** A JSON Schema object as it appears in the spec. */
export type SchemaObject = Readonly<Record<string, unknown>>;

/** Everything the server and the kit read from the contract: field names, enums and defaults. */
export interface ListRunsContract {
  /** `Run`'s properties, in the order the schema declares them (also the order of projected fields). */
  readonly runFields: readonly string[];
  /** `Run.status` enum: every status a run can have. */
  readonly runStatuses: readonly string[];
  /** The `status` query parameter's enum: the statuses one can filter by (no `running`). */
  readonly statusFilterValues: readonly string[];
  /** The `select` query parameter's item enum. */
  readonly selectableFields: readonly string[];
  /** `Run.multitask_strategy` enum. */
  readonly multitaskStrategies: readonly string[];
  readonly defaultLimit: number;
  readonly defaultOffset: number;
  /** `components.schemas`, for validators built from the spec. */
  readonly schemas: Readonly<Record<string, SchemaObject>>;
  /** Status codes the operation declares, as strings (`'200'`, `'404'`, `'422'`). */
  readonly declaredStatuses: readonly string[];
  /** The `application/json` body schema of each declared status, `$ref`s as the spec writes them. */
  readonly responseSchemas: Readonly<Record<string, SchemaObject>>;
}

let cached: ListRunsContract | undefined;

/** Reads the List Runs contract from `spec/openapi.yaml` (once) and fails loudly if the spec lacks a piece. */
export function getListRunsContract(): ListRunsContract {
  cached ??= readListRunsContract(loadOpenApiDocument());
  return cached;
}

/** Extracts the contract from a parsed OpenAPI document; exported for tests of malformed specs. */
export function readListRunsContract(document: unknown): ListRunsContract {
  const schemas = objectAt(document, ['components', 'schemas']);
  const run = objectAt(document, ['components', 'schemas', 'Run']);
  const operation = objectAt(document, ['paths', LIST_RUNS_PATH, 'get']);
  const parameters = arrayAt(operation, ['parameters']);
  const parameter = (name: string): SchemaObject => {
    const found = parameters.find((p) => isObject(p) && p['name'] === name);
    if (!isObject(found)) throw new Error(`spec: parameter '${name}' of GET ${LIST_RUNS_PATH} is missing`);
    return objectAt(found, ['schema']);
  };
  return {
    runFields: Object.keys(objectAt(run, ['properties'])),
    runStatuses: stringsAt(run, ['properties', 'status', 'enum']),
    statusFilterValues: stringsAt(parameter('status'), ['enum']),
    selectableFields: stringsAt(parameter('select'), ['items', 'enum']),
    multitaskStrategies: stringsAt(run, ['properties', 'multitask_strategy', 'enum']),
    defaultLimit: integerAt(parameter('limit'), ['default']),
    defaultOffset: integerAt(parameter('offset'), ['default']),
    schemas: schemas as Readonly<Record<string, SchemaObject>>,
    declaredStatuses: Object.keys(objectAt(operation, ['responses'])),
    responseSchemas: Object.fromEntries(
      Object.keys(objectAt(operation, ['responses'])).map((status) => [
        status,
        objectAt(operation, ['responses', status, 'content', 'application/json', 'schema']),
      ]),
    ),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key)) throw new Error(`spec: missing ${path.join('.')}`);
    node = node[key];
  }
  return node;
}

function objectAt(root: unknown, path: readonly string[]): SchemaObject {
  const value = valueAt(root, path);
  if (!isObject(value)) throw new Error(`spec: ${path.join('.')} is not an object`);
  return value;
}

function arrayAt(root: unknown, path: readonly string[]): readonly unknown[] {
  const value = valueAt(root, path);
  if (!Array.isArray(value)) throw new Error(`spec: ${path.join('.')} is not an array`);
  return value as readonly unknown[];
}

function stringsAt(root: unknown, path: readonly string[]): readonly string[] {
  const value = arrayAt(root, path);
  if (!value.every((item) => typeof item === 'string')) {
    throw new Error(`spec: ${path.join('.')} is not a list of strings`);
  }
  return value;
}

function integerAt(root: unknown, path: readonly string[]): number {
  const value = valueAt(root, path);
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`spec: ${path.join('.')} is not an integer`);
  }
  return value;
}
