import fc from 'fast-check';
import { getListRunsContract } from '../../src/openapi/list-runs-contract.js';
import { MAX_BATCH_RUNS } from './expected-append.js';
import { partialRunArbitrary, THREAD_ID_POOL } from './hostile-values.js';
import { GetRunCommand, GetThreadCommand, ListRunsCommand, type QueryParam } from './read-commands.js';
import { runRefArbitrary, threadRefArbitrary } from './state-refs.js';
import { AppendRunsCommand } from './append-runs-command.js';
import { DeleteRunCommand, PatchRunCommand } from './run-commands.js';
import type { StateCommand } from './state-command.js';
import { CreateThreadCommand, DeleteThreadCommand, ResetCommand } from './thread-commands.js';

/** Bodies that are not JSON: the body parser refuses them before any route. */
const MALFORMED_JSON = ['{', '[{}', '{"status": pending}', "{'status':'error'}", 'nul', '{"a":1}}', '\u0000'];

/** A value from `valid`, now and then one from `invalid`. */
function mostly<T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...invalid) },
  );
}

function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined, freq: 3 });
}

/**
 * A List Runs query: any combination of limit, offset, status and select (select repeated, as the SDK
 * sends it, duplicates included), in any order, now and then a bad value, a repeated key or an unknown one.
 */
function queryArbitrary(): fc.Arbitrary<QueryParam[]> {
  const contract = getListRunsContract();
  return fc
    .record({
      limit: maybe(mostly(['0', '1', '2', '3', '5', '10', '1000'], ['-1', 'x', '1.5', '', '1e3'])),
      offset: maybe(mostly(['0', '1', '2', '4', '9', '100'], ['-2', 'ten', ''])),
      status: maybe(mostly(contract.statusFilterValues, ['running', 'PENDING', ''])),
      select: maybe(
        fc.array(mostly(contract.selectableFields, ['bogus', 'run_id,status', '']), {
          minLength: 1,
          maxLength: 5,
        }),
      ),
      twice: fc.oneof(
        { weight: 15, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('limit', 'offset', 'status') },
      ),
      unknown: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('foo', '__proto__', 'LIMIT') },
      ),
    })
    .chain(({ limit, offset, status, select, twice, unknown }) => {
      const params: QueryParam[] = [];
      if (limit !== undefined) params.push(['limit', limit]);
      if (offset !== undefined) params.push(['offset', offset]);
      if (status !== undefined) params.push(['status', status]);
      for (const field of select ?? []) params.push(['select', field]);
      if (twice !== undefined) params.push([twice, twice === 'status' ? 'success' : '1']);
      if (unknown !== undefined) params.push([unknown, '1']);
      return fc.shuffledSubarray(params, { minLength: params.length, maxLength: params.length });
    });
}

/** Runs that pass every rule on their own (a clean batch still meets the running-run and id rules). */
function plainRunArbitrary(): fc.Arbitrary<unknown> {
  const contract = getListRunsContract();
  return fc.oneof(
    fc.constant({}),
    fc.constantFrom(...contract.runStatuses).map((status) => ({ status })),
    fc.record({
      metadata: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    }),
  );
}

function appendArbitrary(): fc.Arbitrary<StateCommand> {
  const body = fc.oneof(
    { weight: 6, arbitrary: partialRunArbitrary().map((run) => ({ kind: 'one' as const, run })) },
    {
      weight: 4,
      arbitrary: fc
        .array(partialRunArbitrary(), { maxLength: 6 })
        .map((runs) => ({ kind: 'batch' as const, runs })),
    },
    {
      weight: 3,
      arbitrary: fc
        .array(plainRunArbitrary(), { minLength: 1, maxLength: 8 })
        .map((runs) => ({ kind: 'batch' as const, runs })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(partialRunArbitrary(), fc.nat(3)).map(([run, copies]) => ({
        kind: 'batch' as const,
        runs: Array.from({ length: copies + 2 }, () => run),
      })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'too-many' as const, count: MAX_BATCH_RUNS + 1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((text) => ({ kind: 'junk' as const, text })),
    },
  );
  return fc.tuple(threadRefArbitrary(), body).map(([ref, b]) => new AppendRunsCommand(ref, b));
}

function createThreadArbitrary(): fc.Arbitrary<StateCommand> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom({ kind: 'none' as const }, { kind: 'empty' as const }) },
      { weight: 3, arbitrary: threadRefArbitrary().map((ref) => ({ kind: 'id' as const, ref })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            '[]',
            '"x"',
            '5',
            '{"thread_id": 5}',
            '{"thread_id": null}',
            `{"thread_id": "${THREAD_ID_POOL[0]}x"}`,
            '{',
          )
          .map((text) => ({ kind: 'junk' as const, text })),
      },
    )
    .map((body) => new CreateThreadCommand(body));
}

function patchArbitrary(): fc.Arbitrary<StateCommand> {
  const body = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...getListRunsContract().runStatuses)
        .map((status) => ({ kind: 'status' as const, status })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{"status":"cancelled"}',
          '{"status":null}',
          '{}',
          '[]',
          '"success"',
          '{"__proto__":{"status":"success"}}',
          '{"status":"success"',
          '{"STATUS":"error"}',
        )
        .map((text) => ({ kind: 'junk' as const, text })),
    },
  );
  return fc
    .tuple(threadRefArbitrary(), runRefArbitrary(), body)
    .map(([t, r, b]) => new PatchRunCommand(t, r, b));
}

/**
 * Every command of the state fuzz, weighted by repetition (fast-check picks among them evenly): appends
 * and reads most, then status changes, deletes, thread creation and deletion, and now and then a reset.
 */
export function stateCommandArbitraries(): fc.Arbitrary<StateCommand>[] {
  const append = appendArbitrary();
  const list = fc
    .tuple(threadRefArbitrary(), queryArbitrary())
    .map(([ref, params]) => new ListRunsCommand(ref, params));
  const patch = patchArbitrary();
  return [
    append,
    append,
    append,
    append,
    list,
    list,
    list,
    patch,
    patch,
    fc.tuple(threadRefArbitrary(), runRefArbitrary()).map(([t, r]) => new DeleteRunCommand(t, r)),
    fc.tuple(threadRefArbitrary(), runRefArbitrary()).map(([t, r]) => new GetRunCommand(t, r)),
    threadRefArbitrary().map((ref) => new GetThreadCommand(ref)),
    createThreadArbitrary(),
    threadRefArbitrary().map((ref) => new DeleteThreadCommand(ref)),
    fc.constant(new ResetCommand()),
  ];
}
