import { Agent } from 'node:http';
import fc from 'fast-check';
import { createFixtureStore } from '../../src/fixtures/create-fixture-store.js';
import type { FixtureFile } from '../../src/fixtures/fixture-file.js';
import { createMockServer } from '../../src/http/create-mock-server.js';
import type { RunStore } from '../../src/store/run-store.js';
import { send, expectStatus, type StateReal } from './state-client.js';
import { stateCommandArbitraries } from './state-command-arbitraries.js';
import { fixtureModelThreads, STATE_FIXTURE } from './state-fixture.js';
import { StateModel } from './state-model.js';

/** Options of `runStateFuzz`. */
export interface StateFuzzOptions {
  /** How many command sequences to run. */
  readonly sequences: number;
  readonly seed: number;
  /** Commands per sequence, at most. */
  readonly maxCommands: number;
  /** fast-check's path of a failure, with its `replayPath`: replays that one sequence. */
  readonly path?: string | undefined;
  readonly replayPath?: string | undefined;
  /** Shrink a failing sequence to a minimal one (default true; slow when the server fails everywhere). */
  readonly shrink?: boolean;
  /** Serve this store instead of the fixture's (tests give a broken one to see the fuzz fail). */
  readonly store?: (file: FixtureFile) => RunStore;
  /** Called now and then with the number of sequences done. */
  readonly onProgress?: (done: number) => void;
}

/** A failing sequence and how to run it again. */
export interface StateFuzzFailure {
  readonly seed: number;
  readonly path: string;
  /** fast-check's hint that rebuilds the (shrunk) command list. */
  readonly replayPath: string | undefined;
  /** The commands, as fast-check prints them. */
  readonly commands: string;
  readonly message: string;
}

/** What a state fuzz run found. */
export interface StateFuzzReport {
  readonly seed: number;
  readonly sequences: number;
  readonly commands: number;
  readonly durationMs: number;
  /** Answers by status over every request sent (`reset`: a connection closed on an oversized body). */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Commands run, by name. */
  readonly byCommand: Readonly<Record<string, number>>;
  readonly failure: StateFuzzFailure | undefined;
  /** Errors the server logged (it logs every 500 it answers). */
  readonly serverErrors: readonly string[];
}

/**
 * The model-based fuzz of the mock's state: fast-check draws sequences of control API writes and List
 * Runs reads, runs each over HTTP against one mock (reset before every sequence), and checks every step
 * against a plain model (`StateModel`). Zero 5xx, zero divergence; a failure comes back with the seed,
 * path and replay path that run it again.
 *
 * @example
 * const report = await runStateFuzz({ sequences: 300, seed: 7, maxCommands: 10 });
 */
export async function runStateFuzz(options: StateFuzzOptions): Promise<StateFuzzReport> {
  const serverErrors: string[] = [];
  const mock = await createMockServer({
    store: (options.store ?? ((file: FixtureFile) => createFixtureStore(file)))(STATE_FIXTURE),
    host: '127.0.0.1',
    port: 0,
    logError: (message) => serverErrors.push(message),
  });
  const real: StateReal = {
    baseUrl: mock.url,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    byStatus: {},
    byCommand: {},
  };
  let done = 0;
  const initial = fixtureModelThreads();
  const property = fc.asyncProperty(
    fc.commands(stateCommandArbitraries(), {
      maxCommands: options.maxCommands,
      // Lengths spread up to maxCommands (fast-check's default keeps most sequences to a handful), so
      // threads grow deep enough for paging and the id rules to meet.
      size: 'max',
      ...(options.replayPath === undefined ? {} : { replayPath: options.replayPath }),
    }),
    async (sequence) => {
      expectStatus(await send(real, 'POST', '/__mock/reset'), [200], 'reset before the sequence');
      await fc.asyncModelRun(() => ({ model: new StateModel(initial), real }), sequence);
      if (++done % 1000 === 0) options.onProgress?.(done);
    },
  );
  const started = performance.now();
  try {
    const details = await fc.check(property, {
      numRuns: options.sequences,
      seed: options.seed,
      ...(options.path === undefined ? {} : { path: options.path }),
      endOnFailure: options.shrink === false || options.path !== undefined,
    });
    let failure: StateFuzzFailure | undefined;
    if (details.failed) {
      const [sequence] = details.counterexample ?? [];
      // fast-check's command list prints its commands and, in a comment, the replay path.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- fast-check's iterable has its own toString
      const commandsText = sequence === undefined ? '' : sequence.toString();
      failure = {
        seed: details.seed,
        path: details.counterexamplePath ?? '',
        replayPath: /replayPath="([^"]*)"/.exec(commandsText)?.[1],
        commands: commandsText,
        message:
          details.errorInstance instanceof Error
            ? details.errorInstance.message
            : String(details.errorInstance),
      };
    }
    return {
      seed: options.seed,
      sequences: details.numRuns,
      commands: Object.values(real.byCommand).reduce((sum, count) => sum + count, 0),
      durationMs: performance.now() - started,
      byStatus: Object.fromEntries(Object.entries(real.byStatus).sort(([a], [b]) => a.localeCompare(b))),
      byCommand: real.byCommand,
      failure,
      serverErrors,
    };
  } finally {
    real.agent.destroy();
    await mock.close();
  }
}

/** The command line that replays a failure with `npm run fuzz`. */
export function replayCommand(failure: StateFuzzFailure, maxCommands: number): string {
  const replay = failure.replayPath === undefined ? '' : ` --replay-path '${failure.replayPath}'`;
  return `npm run fuzz -- --state --seed ${failure.seed} --path '${failure.path}'${replay} --max-commands ${maxCommands}`;
}
