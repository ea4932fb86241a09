import { getListRunsContract } from '../openapi/list-runs-contract.js';
import { parseTimestamp, type ParsedTimestamp } from './parse-timestamp.js';
import { isUuid } from '../openapi/uuid-format.js';
import { RUNNING_STATUS, isFinalStatus } from './run-lifecycle.js';
import { DEFAULT_DATASET_DATA } from './default-dataset-data.js';

/** A thread with a stable id and a fixed mix of statuses, present in every dataset. */
export interface ScenarioDefinition {
  readonly name: string;
  readonly threadId: string;
  readonly description: string;
  /** How many runs of each `Run.status`; their sum is the thread's size. */
  readonly statusCounts: Readonly<Record<string, number>>;
  /** Mean gap between two runs' `created_at`. */
  readonly spacingSeconds: number;
  /** How long before the anchor the newest run was created. */
  readonly lastRunAgeSeconds: number;
}

/** An inclusive numeric range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** How random threads are drawn. */
export interface RandomThreadsDefinition {
  readonly runs: Range;
  /** Share of random threads with a running run and a pending queue. */
  readonly busyShare: number;
  readonly maxPending: number;
  readonly finishedStatusWeights: Readonly<Record<string, number>>;
  readonly spacingSeconds: Range;
  readonly lastRunAgeSeconds: Range;
}

/** The whole dataset description, validated against the spec's enums. */
export interface DatasetDefinition {
  /** The instant timestamps count back from, in microseconds since the epoch. */
  readonly anchorMicros: number;
  readonly graphs: readonly string[];
  readonly multitaskStrategyWeights: Readonly<Record<string, number>>;
  readonly scenarios: readonly ScenarioDefinition[];
  readonly randomThreads: RandomThreadsDefinition;
}

/** A dataset file that cannot be used; the message names the file and the field. */
export class DatasetDefinitionError extends Error {
  override readonly name = 'DatasetDefinitionError';
}

let shipped: DatasetDefinition | undefined;

/**
 * The shipped dataset (`fixtures/dataset.json`, embedded at build time), validated once. A dataset file
 * of one's own is read with `readDatasetFile`.
 */
export function loadDatasetDefinition(): DatasetDefinition {
  shipped ??= parseDatasetDefinition(structuredClone(DEFAULT_DATASET_DATA), 'fixtures/dataset.json');
  return shipped;
}

/** Validates parsed JSON as a dataset definition, or throws `DatasetDefinitionError` naming the bad field. */
export function parseDatasetDefinition(json: unknown, source = 'dataset'): DatasetDefinition {
  const contract = getListRunsContract();
  const fail = (field: string, problem: string): never => {
    throw new DatasetDefinitionError(`${source}: ${field} ${problem}`);
  };
  const root = record(json, 'the file', fail);
  const anchorText = string(root['anchor'], 'anchor', fail);
  const anchor = parseTimestamp(anchorText);
  if (typeof anchor === 'string') fail('anchor', `${anchor}, got '${anchorText}'`);

  const graphs = list(root['graphs'], 'graphs', fail).map((g, i) => string(g, `graphs[${i}]`, fail));
  if (graphs.length === 0) fail('graphs', 'must name at least one graph');

  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  const scenarios = list(root['scenarios'], 'scenarios', fail).map((item, i): ScenarioDefinition => {
    const at = `scenarios[${i}]`;
    const scenario = record(item, at, fail);
    const name = string(scenario['name'], `${at}.name`, fail);
    const threadId = string(scenario['threadId'], `${at}.threadId`, fail);
    if (!isUuid(threadId)) fail(`${at}.threadId`, `is not a UUID: '${threadId}'`);
    if (seenNames.has(name)) fail(`${at}.name`, `repeats '${name}'`);
    if (seenIds.has(threadId.toLowerCase())) fail(`${at}.threadId`, `repeats '${threadId}'`);
    seenNames.add(name);
    seenIds.add(threadId.toLowerCase());
    const statusCounts = weights(scenario['statusCounts'], `${at}.statusCounts`, contract.runStatuses, fail, {
      integers: true,
    });
    if ((statusCounts[RUNNING_STATUS] ?? 0) > 1) {
      fail(`${at}.statusCounts.${RUNNING_STATUS}`, 'must be 0 or 1: a thread runs one run at a time');
    }
    return {
      name,
      threadId: threadId.toLowerCase(),
      description: string(scenario['description'], `${at}.description`, fail),
      statusCounts,
      spacingSeconds: positive(scenario['spacingSeconds'], `${at}.spacingSeconds`, fail),
      lastRunAgeSeconds: nonNegative(scenario['lastRunAgeSeconds'], `${at}.lastRunAgeSeconds`, fail),
    };
  });

  const random = record(root['randomThreads'], 'randomThreads', fail);
  const finalStatuses = contract.runStatuses.filter(isFinalStatus);
  const randomThreads: RandomThreadsDefinition = {
    runs: range(random['runs'], 'randomThreads.runs', fail, { integers: true }),
    busyShare: fraction(random['busyShare'], 'randomThreads.busyShare', fail),
    maxPending: integer(random['maxPending'], 'randomThreads.maxPending', fail),
    finishedStatusWeights: weights(
      random['finishedStatusWeights'],
      'randomThreads.finishedStatusWeights',
      finalStatuses,
      fail,
      { integers: false, nonEmpty: true },
    ),
    spacingSeconds: range(random['spacingSeconds'], 'randomThreads.spacingSeconds', fail, { positive: true }),
    lastRunAgeSeconds: range(random['lastRunAgeSeconds'], 'randomThreads.lastRunAgeSeconds', fail),
  };

  return {
    anchorMicros: (anchor as ParsedTimestamp).micros,
    graphs,
    multitaskStrategyWeights: weights(
      root['multitaskStrategyWeights'],
      'multitaskStrategyWeights',
      contract.multitaskStrategies,
      fail,
      { integers: false, nonEmpty: true },
    ),
    scenarios,
    randomThreads,
  };
}

type Fail = (field: string, problem: string) => never;

function record(value: unknown, field: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'must be an object');
  return value as Record<string, unknown>;
}

function list(value: unknown, field: string, fail: Fail): readonly unknown[] {
  if (!Array.isArray(value)) fail(field, 'must be an array');
  return value as readonly unknown[];
}

function string(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== 'string' || value === '') fail(field, 'must be a non-empty string');
  return value;
}

function nonNegative(value: unknown, field: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(field, 'must be a non-negative number');
  }
  return value;
}

function positive(value: unknown, field: string, fail: Fail): number {
  const number = nonNegative(value, field, fail);
  if (number === 0) fail(field, 'must be greater than 0');
  return number;
}

function integer(value: unknown, field: string, fail: Fail): number {
  const number = nonNegative(value, field, fail);
  if (!Number.isSafeInteger(number)) fail(field, 'must be a non-negative integer');
  return number;
}

function fraction(value: unknown, field: string, fail: Fail): number {
  const number = nonNegative(value, field, fail);
  if (number > 1) fail(field, 'must be between 0 and 1');
  return number;
}

function range(
  value: unknown,
  field: string,
  fail: Fail,
  options: { integers?: boolean; positive?: boolean } = {},
): Range {
  const object = record(value, field, fail);
  const read = options.integers ? integer : options.positive ? positive : nonNegative;
  const min = read(object['min'], `${field}.min`, fail);
  const max = read(object['max'], `${field}.max`, fail);
  if (min > max) fail(field, `has min ${min} above max ${max}`);
  return { min, max };
}

function weights(
  value: unknown,
  field: string,
  allowed: readonly string[],
  fail: Fail,
  options: { integers: boolean; nonEmpty?: boolean },
): Readonly<Record<string, number>> {
  const object = record(value, field, fail);
  const result: Record<string, number> = {};
  for (const [key, weight] of Object.entries(object)) {
    if (!allowed.includes(key)) fail(`${field}.${key}`, `is not one of ${allowed.join(', ')}`);
    result[key] = (options.integers ? integer : nonNegative)(weight, `${field}.${key}`, fail);
  }
  if (options.nonEmpty && !Object.values(result).some((weight) => weight > 0)) {
    fail(field, 'must give a positive weight to at least one value');
  }
  return result;
}
