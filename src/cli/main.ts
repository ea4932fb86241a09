#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { packageFileUrl } from '../files/package-file-url.js';
import { loadFaker } from '../store/seeded-faker.js';
import { parseCliArguments } from './parse-cli-arguments.js';
import { serveCommand } from './serve-command.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

// `langgraph-mock export | head` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const output = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
};

function version(): string {
  const manifest = JSON.parse(readFileSync(packageFileUrl('package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

async function main(): Promise<void> {
  let request;
  try {
    request = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // One line and a pointer: the 49-line help would push the error itself off the screen.
    output.err(`langgraph-mock: ${error.message}\nsee 'langgraph-mock --help'\n`);
    process.exit(2);
  }
  if (request.kind === 'help') {
    output.out(`${USAGE}\n`);
    return;
  }
  if (request.kind === 'version') {
    output.out(`${version()}\n`);
    return;
  }
  if (request.kind === 'check') {
    // Loaded on demand: the checker pulls in Ajv and Prism, which `serve` must not pay for at start-up.
    const { checkCommand } = await import('./check-command.js');
    process.exitCode = await checkCommand(request.options, output);
    return;
  }
  if (request.kind === 'export') {
    // Loaded on demand, like check: serving must not pay for what only exporting needs.
    const { exportCommand } = await import('./export-command.js');
    await loadFaker(); // as `serve` does: in the CLI bundle, the bundled Faker rather than a require of it
    try {
      process.exitCode = exportCommand(request.options, output);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'DatasetDefinitionError')) throw error;
      output.err(`langgraph-mock: ${error.message}\n`);
      process.exitCode = 2;
    }
    return;
  }
  if (request.kind === 'record') {
    // Loaded on demand, like check: recording checks each page with Ajv.
    const { recordCommand } = await import('./record-command.js');
    process.exitCode = await recordCommand(request.options, output);
    return;
  }
  if (request.kind === 'proxy') {
    const { proxyCommand } = await import('./proxy-command.js');
    const proxy = await proxyCommand(request.options, output);
    if (typeof proxy === 'number') {
      process.exitCode = proxy;
      return;
    }
    const stopProxy = (signal: string): void => {
      output.out(`\n${signal}: closing\n`);
      // The recording is written before anything else: it is what a user stopping the proxy wants kept.
      proxy.stop().then(
        () => process.exit(0),
        () => process.exit(0),
      );
      setTimeout(() => process.exit(0), 3000).unref();
    };
    process.once('SIGINT', stopProxy);
    process.once('SIGTERM', stopProxy);
    return;
  }
  let server;
  try {
    server = await serveCommand(request.options, output);
  } catch (error) {
    // Matched by name: importing FixtureError would load Ajv into every start of the server.
    if (
      error instanceof Error &&
      (error.name === 'FixtureError' || error.name === 'DatasetDefinitionError')
    ) {
      output.err(`langgraph-mock: ${error.message}\n`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${request.options.port} is already in use (try --port 0 for a free one)`
        : (error as Error).message;
    output.err(`langgraph-mock: cannot start: ${reason}\n`);
    process.exit(1);
  }
  const stop = (signal: string): void => {
    output.out(`\n${signal}: closing\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
    // A client holding a connection open must not keep the process alive.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
