import { createMockServer, type MockServer } from '../http/create-mock-server.js';
import type { ServeOptions } from './parse-serve-options.js';

/** Where the serve command writes. */
export interface ConsoleOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Starts the mock and prints how to use it: URL, seed, scenario threads and a ready-to-paste curl. */
export async function serveCommand(options: ServeOptions, output: ConsoleOutput): Promise<MockServer> {
  const server = await createMockServer(options);
  const threads = server.store.threads();
  const scenarios = threads.filter((thread) => thread.scenario !== undefined);
  const example = scenarios.find((thread) => thread.runCount > 1) ?? threads[0];
  const lines = [
    `langgraph-mock listening on ${server.url}`,
    `seed ${options.seed}, ${threads.length} threads (${scenarios.length} scenario, ${threads.length - scenarios.length} random)`,
    '',
    'Scenario threads:',
    ...scenarios.map(
      (thread) => `  ${(thread.scenario ?? '').padEnd(14)} ${thread.threadId}  ${thread.runCount} runs`,
    ),
  ];
  if (example !== undefined) {
    lines.push(
      '',
      'Try:',
      `  curl '${server.url}/threads/${example.threadId}/runs?limit=3&select=run_id&select=status'`,
    );
  }
  if (options.host === '0.0.0.0' || options.host === '::') {
    lines.push('', `warning: bound to ${options.host}: the mock is reachable from other machines`);
  }
  lines.push('', 'Press Ctrl+C to stop.');
  output.out(`${lines.join('\n')}\n`);
  return server;
}
