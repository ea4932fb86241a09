import { getListRunsContract } from '../src/openapi/list-runs-contract.js';
import { exportFixtures, formatFixtures } from '../src/fixtures/export-fixtures.js';
import { createSeededStore } from '../src/store/create-seeded-store.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LARGE_THREAD_ID,
  benchDatasetJson,
  createBenchDataset,
  runsPath,
  shippedScenarioThreadId,
} from './bench-dataset.js';
import { benchProfile } from './bench-profile.js';
import type { BenchRow } from './bench-row.js';
import { startCpuAccounting } from './cpu-contention.js';
import { ChildServerError, killAllChildServers, startChildServer, type ChildServer } from './child-server.js';
import { formatBenchJson, formatBenchText, type BenchReport } from './format-bench-report.js';
import { describeMachine } from './machine-info.js';
import { measureContractKit } from './measure-contract-kit.js';
import { measureImportTime } from './measure-import-time.js';
import { measureLargePage } from './measure-large-page.js';
import { measureMemory } from './measure-memory.js';
import { measureProxyOverhead } from './measure-proxy-overhead.js';
import { measureScale } from './measure-scale.js';
import { measureStartup } from './measure-startup.js';
import { measureRequestCore } from './measure-request-core.js';
import { measureThreadsAtScale } from './measure-threads-at-scale.js';
import { measureThroughput } from './measure-throughput.js';
import {
  BENCH_USAGE,
  BenchUsageError,
  parseBenchArguments,
  type BenchArguments,
} from './parse-bench-arguments.js';

/** Where the bench writes: the report on `out`, progress and errors on `err`. */
export interface BenchOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes: measured (whatever the verdicts), bad command line, or a server would not start. */
export const BENCH_EXIT = { measured: 0, failed: 1, usage: 2 } as const;

const script = (path: string): URL => new URL(path, import.meta.url);

/**
 * Runs the bench and prints one table (or JSON). A missed target still exits 0: the bench measures, CI
 * gates on correctness. Every child process is killed before returning, on success and on error.
 */
export async function runBench(argv: readonly string[], output: BenchOutput): Promise<number> {
  let args: BenchArguments;
  try {
    args = parseBenchArguments(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    output.err(`bench: ${error.message}\n\n${BENCH_USAGE}\n`);
    return BENCH_EXIT.usage;
  }
  if (args.help) {
    output.out(`${BENCH_USAGE}\n`);
    return BENCH_EXIT.measured;
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const cpuContention = startCpuAccounting();
  try {
    const rows = await measureAll(args, (line) => {
      output.err(`${line}\n`);
    });
    const report: BenchReport = {
      machine: describeMachine(),
      mode: args.mode,
      command: `npm run bench${args.mode === 'full' ? '' : ` -- --${args.mode}`}`,
      startedAt,
      durationSeconds: (performance.now() - started) / 1000,
      otherCpus: cpuContention()?.otherCpus,
      rows,
    };
    output.out(`${args.json ? formatBenchJson(report) : formatBenchText(report)}\n`);
    return BENCH_EXIT.measured;
  } catch (error) {
    output.err(
      `bench: ${error instanceof ChildServerError ? error.message : String((error as Error).stack ?? error)}\n`,
    );
    return BENCH_EXIT.failed;
  } finally {
    killAllChildServers();
  }
}

/** Every section, in the issue's order; servers are started per section and stopped after it. */
async function measureAll(args: BenchArguments, log: (line: string) => void): Promise<BenchRow[]> {
  const profile = benchProfile(args.mode);
  const largeRuns = profile.largeThreadRuns;
  const largeLabel = `${largeRuns.toLocaleString('en-US')}-run thread`;
  const mockServer = script('./servers/mock-server.js');
  const largeArgs = ['--large-runs', String(largeRuns)];
  const defaultPath = runsPath(shippedScenarioThreadId('all-statuses'));
  const contract = getListRunsContract();

  log('starting the mock, the Express floor and both Prism mocks');
  const servers = await startAll({
    mock: { name: 'mock', script: mockServer },
    floor: { name: 'Express floor', script: script('./servers/express-floor.js') },
    prismStatic: { name: 'Prism static mock', script: script('./servers/prism-mock.js') },
    prismDynamic: {
      name: 'Prism dynamic mock',
      script: script('./servers/prism-mock.js'),
      args: ['--dynamic'],
    },
  });
  const throughput = await measureThroughput(servers, defaultPath, profile, log);
  await Promise.all([servers.floor.stop(), servers.prismStatic.stop(), servers.prismDynamic.stop()]);
  const proxy = await measureProxyOverhead(servers.mock, defaultPath, profile, log);
  const contractKit = await measureContractKit(servers.mock, defaultPath, profile, log);
  await servers.mock.stop();

  log(`starting the mock with a ${largeLabel}`);
  const large = await startChildServer({
    name: `mock with a ${largeLabel}`,
    script: mockServer,
    args: largeArgs,
    ipc: true,
  });
  const scale = await measureScale(large, largeRuns, profile, log);
  const largePage = await measureLargePage(large, largeRuns, log);
  await large.stop();

  // Start-up is measured on the CLI as users run it: the bundle that `npm start` and the bin execute.
  const cli = new URL('../../dist/bundle/langgraph-mock.js', import.meta.url);
  const requestCore = await measureRequestCore(
    cli,
    script('./servers/bare-node.js'),
    defaultPath,
    profile,
    log,
  );
  const datasetFile = join(mkdtempSync(join(tmpdir(), 'langgraph-mock-bench-')), 'dataset.json');
  writeFileSync(datasetFile, JSON.stringify(benchDatasetJson(largeRuns)));
  const startup = await measureStartup(
    {
      hello: {
        label: 'bare Express hello world',
        server: { name: 'hello world', script: script('./servers/express-hello.js') },
        path: '/',
      },
      mockDefault: {
        label: 'mock, default dataset',
        server: { name: 'langgraph-mock serve', script: cli, args: ['--port', '0', '--quiet'] },
        path: defaultPath,
      },
      mockLarge: {
        label: `mock with a ${largeLabel}`,
        server: {
          name: `mock with a ${largeLabel}`,
          script: cli,
          args: ['--port', '0', '--quiet', '--dataset', datasetFile],
        },
        path: runsPath(LARGE_THREAD_ID),
      },
    },
    profile,
    log,
  );
  const importTime = await measureImportTime(profile, log);

  const memory = await measureMemory(
    {
      standard: {
        label: 'default dataset',
        server: { name: 'mock', script: mockServer },
        threads: createSeededStore().threads(),
      },
      large: {
        label: `with a ${largeLabel}`,
        server: { name: `mock with a ${largeLabel}`, script: mockServer, args: largeArgs },
        threads: createSeededStore({ dataset: createBenchDataset(largeRuns) }).threads(),
      },
    },
    largeRuns,
    { statuses: contract.statusFilterValues, fields: contract.selectableFields },
    profile,
    log,
  );
  const threadsAtScale = await measureThreadsAtScale(
    {
      cli,
      defaultPath,
      fixtureFile: writeFixtureFile(profile.fixtureRuns),
      fixturePath: runsPath(LARGE_THREAD_ID),
    },
    profile,
    log,
  );
  return [
    ...throughput,
    ...requestCore,
    ...proxy,
    ...scale,
    ...largePage,
    ...startup,
    ...importTime,
    ...memory,
    ...contractKit,
    ...threadsAtScale,
  ];
}

/** A fixture file as `export` writes it, of one thread with `runs` runs; returns its path. */
function writeFixtureFile(runs: number): string {
  const dataset = createBenchDataset(runs);
  const large = dataset.scenarios.filter((scenario) => scenario.threadId === LARGE_THREAD_ID);
  const store = createSeededStore({ threads: 0, dataset: { ...dataset, scenarios: large } });
  const path = join(mkdtempSync(join(tmpdir(), 'langgraph-mock-bench-')), 'fixtures.json');
  writeFileSync(path, formatFixtures(exportFixtures(store)));
  return path;
}

/** Starts servers side by side; if one fails, the others are stopped before the error propagates. */
async function startAll<Name extends string>(
  options: Readonly<Record<Name, Parameters<typeof startChildServer>[0]>>,
): Promise<Record<Name, ChildServer>> {
  const names = Object.keys(options) as Name[];
  const settled = await Promise.allSettled(names.map((name) => startChildServer(options[name])));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    killAllChildServers();
    throw failure.reason;
  }
  const servers = {} as Record<Name, ChildServer>;
  names.forEach((name, index) => {
    const result = settled[index];
    if (result?.status === 'fulfilled') servers[name] = result.value;
  });
  return servers;
}
