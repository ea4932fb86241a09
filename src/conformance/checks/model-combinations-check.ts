import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { CheckFailure } from '../check-result.js';
import { excerpt, type CheckContext, type ConformanceCheck, type WireRun } from '../conformance-check.js';
import {
  combinationQueryArbitrary,
  combinationQueryString,
  expectedAnswer,
  expectedPositions,
  type CombinationQuery,
} from './combination-query.js';
import { readThreadModel, type ThreadModel } from './thread-model.js';

/** How many generated queries the check compares with its model when not told otherwise. */
export const DEFAULT_COMBINATION_QUERIES = 200;

/** How many generated queries are in flight at once. */
const CONCURRENT_QUERIES = 8;

/** One query's answer held against the model. */
interface Comparison {
  readonly url: string;
  readonly matches: boolean;
  readonly positions: readonly number[];
  readonly expected: readonly WireRun[];
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/**
 * Queries that combine `status`, `select`, `limit` and `offset`, compared exactly with a model of the
 * thread: the complete list read once, then filtered, sliced and projected as the contract says. A
 * mismatch is shrunk (fast-check) to the smallest query that still shows it. A `limit` cap is a finding
 * of its own, and the model applies it so that it is not reported again in every large page.
 */
export const modelCombinationsCheck: ConformanceCheck = {
  id: 'model.combinations',
  level: 'semantics',
  description:
    'seeded queries combining status, select, limit and offset answer exactly the model: filter, slice, project',
  async run(context) {
    const model = await readThreadModel(context);
    if (!('runs' in model)) return [model];
    const failures: CheckFailure[] = [];
    if (model.limitCap !== undefined) {
      failures.push({
        cause: `limit capped at ${model.limitCap}`,
        message: `limit capped at ${model.limitCap}: a larger limit returns ${model.limitCap} runs although more follow`,
        requests: model.urls.slice(0, 2),
        expected: `limit=${String(model.runs.length)} or more returns all ${model.runs.length} runs at once`,
        actual: `${model.limitCap} runs per page`,
      });
    }
    const compare = createComparer(context, model);
    const arbitrary = combinationQueryArbitrary({
      statuses: context.contract.statusFilterValues,
      selectable: context.contract.selectableFields,
      size: model.runs.length,
      complete: model.complete,
    });
    const queries = fc.sample(arbitrary, { seed: context.seed, numRuns: context.queries });
    const matches: boolean[] = [];
    // A few at a time: against a remote server the round trips, not the comparisons, take the time.
    for (let start = 0; start < queries.length; start += CONCURRENT_QUERIES) {
      const batch = queries.slice(start, start + CONCURRENT_QUERIES);
      const comparisons = await Promise.all(batch.map(compare));
      matches.push(...comparisons.map((comparison) => comparison.matches));
    }
    const mismatches = matches.filter((match) => !match).length;
    const firstFailing = queries[matches.indexOf(false)];
    if (firstFailing === undefined) return failures;

    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (query) => (await compare(query)).matches),
      { seed: context.seed, numRuns: context.queries },
    );
    const [shrunk] = details.counterexample ?? [];
    const smallest = await simplify(shrunk ?? firstFailing, compare);
    const shown = await compare(smallest);
    failures.push({
      cause: `answers differ from the model for queries with ${partsOf(smallest)}`,
      message: `${mismatches} of ${queries.length} generated queries differ from the model; the smallest (after ${details.numShrinks} shrinks): ${combinationQueryString(smallest)}`,
      requests: [shown.url],
      expected: describeExpected(shown, model),
      actual:
        shown.status === 200 && Array.isArray(shown.body)
          ? describeActual(shown.body as WireRun[], model)
          : `${shown.status} ${excerpt(shown.text)}`,
    });
    return failures;
  },
};

/** Simpler neighbours of a query: fewer parts first, then fewer fields, then smaller numbers. */
function simplerQueries(query: CombinationQuery): CombinationQuery[] {
  const { status, select, offset, limit } = query;
  const distinct = [...new Set(select)];
  return [
    ...(status === undefined ? [] : [{ ...query, status: undefined }]),
    ...(select === undefined ? [] : [{ ...query, select: undefined }]),
    ...(select !== undefined && distinct.length < select.length ? [{ ...query, select: distinct }] : []),
    ...(distinct.length > 1 ? distinct.map((field) => ({ ...query, select: [field] })) : []),
    ...[0, 1, Math.floor(offset / 2), offset - 1]
      .filter((smaller) => smaller >= 0 && smaller < offset)
      .map((smaller) => ({ ...query, offset: smaller })),
    ...[0, 1, Math.floor(limit / 2), limit - 1]
      .filter((smaller) => smaller >= 0 && smaller < limit)
      .map((smaller) => ({ ...query, limit: smaller })),
  ];
}

/**
 * Finishes fast-check's shrinking greedily: takes the first simpler neighbour that still fails until none
 * does. fast-check shrinks within the value ranges it drew from (an offset "in the middle" stays there);
 * this step crosses them, so the query reported is the smallest that shows the fault.
 */
async function simplify(
  query: CombinationQuery,
  compare: (query: CombinationQuery) => Promise<Comparison>,
): Promise<CombinationQuery> {
  let smallest = query;
  for (let improved = true; improved;) {
    improved = false;
    for (const candidate of simplerQueries(smallest)) {
      if ((await compare(candidate)).matches) continue;
      smallest = candidate;
      improved = true;
      break;
    }
  }
  return smallest;
}

/** Sends a query once (later comparisons of the same URL reuse the answer) and holds it against the model. */
function createComparer(
  context: CheckContext,
  model: ThreadModel,
): (query: CombinationQuery) => Promise<Comparison> {
  const answers = new Map<string, Promise<Comparison>>();
  return (query) => {
    const path = context.runsPath(context.threadId, combinationQueryString(query));
    let answer = answers.get(path);
    if (answer === undefined) {
      answer = context.probe.get(path, { judge: false }).then((response) => {
        const positions = expectedPositions(model.runs, query, model.limitCap);
        const expected = expectedAnswer(model.runs, positions, query.select, context.contract.runFields);
        return {
          url: response.url,
          matches: response.status === 200 && isDeepStrictEqual(response.json, expected),
          positions,
          expected,
          status: response.status,
          body: response.json,
          text: response.text,
        };
      });
      answers.set(path, answer);
    }
    return answer;
  };
}

/** The parts a query combines, for the cause of a mismatch: e.g. "status, select, offset". */
function partsOf(query: CombinationQuery): string {
  const parts = [
    ...(query.status === undefined ? [] : ['status']),
    ...(query.select === undefined ? [] : ['select']),
    'limit',
    ...(query.offset === 0 ? [] : ['offset']),
  ];
  return parts.join(', ');
}

/** A run's place in the model and the start of its id, e.g. `#3 1f0a2b3c…`. */
function label(model: ThreadModel, index: number): string {
  return `#${index} ${String(model.runs[index]?.['run_id']).slice(0, 8)}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The fields of the runs, or "(full runs)" when they carry every field of the model's runs. */
function fieldsOf(runs: readonly WireRun[], model: ThreadModel): string {
  const fields = Object.keys(runs[0] ?? {});
  if (fields.length === 0) return '';
  const full = fields.length === Object.keys(model.runs[0] ?? {}).length;
  return full ? ' (full runs)' : ` with fields ${fields.join(', ')}`;
}

function describeExpected(shown: Comparison, model: ThreadModel): string {
  const places = shown.positions.map((index) => label(model, index)).join(', ');
  return excerpt(
    `${plural(shown.positions.length, 'run')} [${places}]${fieldsOf(shown.expected, model)}`,
    400,
  );
}

/** The answer's runs by their place in the model when they carry a run id, else their content. */
function describeActual(runs: readonly WireRun[], model: ThreadModel): string {
  const places = runs.every((run) => 'run_id' in run)
    ? `[${runs
        .map((run) => {
          const index = model.runs.findIndex((candidate) => candidate['run_id'] === run['run_id']);
          return index === -1 ? String(run['run_id']) : label(model, index);
        })
        .join(', ')}]`
    : excerpt(runs, 200);
  return excerpt(`${plural(runs.length, 'run')} ${places}${fieldsOf(runs, model)}`, 400);
}
