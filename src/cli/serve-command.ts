import { createMockServer, type MockServer } from '../http/create-mock-server.js';
import type { RunStore } from '../store/run-store.js';
import { createBufferedLineWriter } from './buffered-line-writer.js';
import type { ConsoleOutput } from './console-output.js';
import { loadDatasetFile } from './load-dataset-file.js';
import type { ServeOptions } from './parse-serve-options.js';
import { plural } from './plural.js';

/** How many threads the banner looks at: every scenario thread, or the first ten of a fixture file. */
const BANNER_THREADS = 100;

/**
 * Starts the mock and prints how to use it: URL, data source, scenario threads, a ready-to-paste curl,
 * and what is simulated. Rejects (for the CLI to report) when the fixture file is bad or the port busy.
 */
export async function serveCommand(options: ServeOptions, output: ConsoleOutput): Promise<MockServer> {
  const store =
    options.fixtures === undefined
      ? undefined
      : await loadFixtureStore(options.fixtures, options.lenient, output);
  const requestLog = createBufferedLineWriter(output.out);
  const server = await createMockServer({
    ...options,
    dataset: loadDatasetFile(options.datasetFile),
    store,
    live: options.live,
    logRequest: options.quiet
      ? undefined
      : (line) => {
          requestLog.writeLine(line);
        },
  });
  server.server.once('close', () => {
    requestLog.flush();
  }); // the last lines, before the CLI exits
  // Scenario threads come first; the rest (a million random ones, maybe) are counted, not described.
  const threads = server.store.threads(BANNER_THREADS);
  const threadCount = server.store.threadCount();
  const scenarios = threads.filter((thread) => thread.scenario !== undefined);
  const example =
    scenarios.find((thread) => thread.runCount > 1) ?? threads.find((thread) => thread.runCount > 0);
  const source =
    options.fixtures === undefined
      ? `seed ${options.seed}, ${plural(threadCount, 'thread')} (${scenarios.length} scenario, ${threadCount - scenarios.length} random)`
      : `fixtures ${options.fixtures}, ${plural(threadCount, 'thread')}`;
  const lines = [
    `langgraph-mock listening on ${server.url}`,
    `${source}; profile ${options.profile}`,
    '',
    scenarios.length > 0 ? 'Scenario threads:' : 'Threads:',
    ...(scenarios.length > 0 ? scenarios : threads.slice(0, 10)).map(
      (thread) =>
        `  ${(thread.scenario ?? '').padEnd(14)} ${thread.threadId}  ${plural(thread.runCount, 'run')}`,
    ),
  ];
  if (example !== undefined) {
    lines.push(
      '',
      'Try:',
      `  curl '${server.url}/threads/${example.threadId}/runs?limit=3&select=run_id&select=status'`,
    );
  }
  lines.push('', `Control API: ${server.url}/__mock/threads (see README)`);
  const simulated = [
    options.latency === undefined ? '' : `latency ${options.latency.minMs}-${options.latency.maxMs} ms`,
    options.errorRate === undefined
      ? ''
      : `error rate ${options.errorRate} (injected 500s, outside the contract)`,
    options.live === undefined ? '' : 'live lifecycle (pending → running → success/error)',
  ].filter((part) => part !== '');
  if (simulated.length > 0) lines.push(`Simulating: ${simulated.join(', ')}`);
  if (options.host === '0.0.0.0' || options.host === '::') {
    lines.push('', `warning: bound to ${options.host}: the mock is reachable from other machines`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  output.out(`${lines.join('\n')}\n`);
  return server;
}

/**
 * Fixture support is loaded only when asked for: it brings Ajv, which a plain start does not need.
 * `--lenient` serves a file with problems (a recording of a server that breaks the contract), naming them.
 */
async function loadFixtureStore(path: string, lenient: boolean, output: ConsoleOutput): Promise<RunStore> {
  const { createFixtureStore } = await import('../fixtures/create-fixture-store.js');
  if (!lenient) {
    const { loadFixtures } = await import('../fixtures/parse-fixtures.js');
    return createFixtureStore(loadFixtures(path));
  }
  const { loadFixturesLeniently } = await import('../fixtures/load-fixtures-leniently.js');
  const { file, problems, dropped } = loadFixturesLeniently(path);
  for (const { path: at, message } of problems) {
    output.err(`warning: ${path}: ${at === '' ? '' : `${at}: `}${message}\n`);
  }
  if (dropped.threads + dropped.runs > 0) {
    output.err(
      `warning: ${path}: left out ${dropped.threads} threads and ${dropped.runs} runs no query can be answered over (no unique id, or timestamps that are not RFC 3339 with an offset)\n`,
    );
  }
  return createFixtureStore(file);
}
