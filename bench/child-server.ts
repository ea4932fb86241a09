import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stopChildProcess } from '../scripts/stop-child-process.js';

/** A server running in a child process of its own. */
export interface ChildServer {
  readonly name: string;
  /** The base URL the server printed, e.g. `http://127.0.0.1:40211`. */
  readonly url: string;
  readonly pid: number;
  /** `performance.now()` just before the spawn, so start-up can be timed from process start. */
  readonly spawnedAt: number;
  /** The child's resident set size in bytes, asked over IPC (only for servers started with `ipc`). */
  rss(): Promise<number>;
  /** Ends the process and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Options of `startChildServer`. */
export interface ChildServerOptions {
  /** Shown in progress and error messages. */
  readonly name: string;
  /** The compiled script to run with this Node.js. */
  readonly script: URL;
  readonly args?: readonly string[];
  /** Open an IPC channel, for `rss()`. */
  readonly ipc?: boolean;
  readonly timeoutMs?: number;
  /** Send the child's stdout to this file (read for the URL) instead of a pipe, as `> file` would. */
  readonly stdoutFile?: string;
}

/** A server that exited, or stayed silent, before printing its URL: the bench cannot go on. */
export class ChildServerError extends Error {
  override readonly name = 'ChildServerError';
}

const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+/;
const STOP_GRACE_MS = 2000;

// Every child still alive, so that an error or Ctrl+C anywhere in the bench leaves no server behind.
const running = new Set<ChildProcess>();

/**
 * Spawns a server script and resolves once it prints its URL on stdout. Each server under load gets its own
 * process so it never shares an event loop (or a CPU's time slice) with the load generator.
 *
 * @example
 * const floor = await startChildServer({ name: 'Express floor', script: new URL('./servers/express-floor.js', import.meta.url) });
 * await floor.stop();
 */
export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const stdoutFd = options.stdoutFile === undefined ? 'pipe' : openSync(options.stdoutFile, 'w');
  const stdio: StdioOptions =
    options.ipc === true ? ['ignore', stdoutFd, 'pipe', 'ipc'] : ['ignore', stdoutFd, 'pipe'];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(options.script), ...(options.args ?? [])], { stdio });
  if (typeof stdoutFd === 'number') closeSync(stdoutFd); // the child holds its own copy
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  let started = false;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise<ChildServer>((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new ChildServerError(`${options.name} did not start: ${reason}${stderr === '' ? '' : `\n${stderr}`}`),
      );
    };
    const timer = setTimeout(() => {
      fail(`no URL on stdout after ${options.timeoutMs ?? 30_000} ms`);
    }, options.timeoutMs ?? 30_000);
    child.once('error', (error) => {
      fail(error.message);
    });
    // 'close', not 'exit': it comes after the child's stderr has been read, so the message can quote it.
    const onEarlyClose = (code: number | null, signal: NodeJS.Signals | null): void => {
      fail(`exited (${signal ?? `code ${String(code)}`}) before printing its URL`);
    };
    child.once('close', onEarlyClose);
    const onStdout = (text: string): void => {
      if (started) return;
      stdout = text;
      const url = URL_PATTERN.exec(stdout)?.[0];
      if (url === undefined) return;
      started = true;
      clearTimeout(timer);
      clearInterval(filePoll);
      child.off('close', onEarlyClose);
      resolve({
        name: options.name,
        url,
        pid: child.pid ?? 0,
        spawnedAt,
        rss: () => askRss(child),
        stop: () => stopChildProcess(child, STOP_GRACE_MS),
      });
    };
    // keep draining a pipe after the URL, so the child never blocks on a full pipe
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      onStdout(stdout + chunk);
    });
    const { stdoutFile } = options;
    const filePoll =
      stdoutFile === undefined
        ? undefined
        : setInterval(() => {
            onStdout(readFileSync(stdoutFile, 'utf8'));
          }, 20);
    child.once('close', () => {
      clearInterval(filePoll);
    });
  });
}

/** Kills every child the bench started and has not stopped yet; safe to call from an exit handler. */
export function killAllChildServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function askRss(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    if (!child.connected) {
      reject(new Error('rss() needs a server started with ipc: true'));
      return;
    }
    child.once('message', (message: unknown) => {
      const rss = (message as { rss?: unknown } | null)?.rss;
      if (typeof rss === 'number') resolve(rss);
      else reject(new Error(`unexpected IPC answer: ${JSON.stringify(message)}`));
    });
    child.send('rss');
  });
}
