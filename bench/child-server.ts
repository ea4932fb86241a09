import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** A server running in a child process of its own. */
export interface ChildServer {
  readonly name: string;
  /** The base URL the server printed, e.g. `http://127.0.0.1:40211`. */
  readonly url: string;
  readonly pid: number;
  /** `performance.now()` just before the spawn, so start-up can be timed from process start. */
  readonly spawnedAt: number;
  /** The process's resident set size in bytes, read from outside it (it need not be idle to answer). */
  rss(): Promise<number>;
  /** Ends the process (SIGTERM, SIGKILL after a grace period) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Options of `startChildServer`. */
export interface ChildServerOptions {
  /** Shown in progress and error messages. */
  readonly name: string;
  /** The script to run with this Node.js: a bench server, or the mock's CLI. */
  readonly script: URL;
  readonly args?: readonly string[];
  readonly timeoutMs?: number;
  /** Send the child's stdout to this file (read for the URL) instead of a pipe, as `> file` would. */
  readonly stdoutFile?: string;
}

/** A server that exited, or stayed silent, before printing its URL: the bench or soak cannot go on. */
export class ChildServerError extends Error {
  override readonly name = 'ChildServerError';
}

const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+/;
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3000;

// Every child still alive, so that an error or Ctrl+C anywhere in the bench or soak leaves no server behind.
const running = new Set<ChildProcess>();

/**
 * Spawns a server script and resolves once it prints its URL on stdout. Each server under load gets its own
 * process so it never shares an event loop (or a CPU's time slice) with the load generator, and its memory
 * can be read on its own. Used by the bench and by the soak.
 *
 * @example
 * const floor = await startChildServer({ name: 'Express floor', script: new URL('./servers/express-floor.js', import.meta.url) });
 * await floor.stop();
 */
export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const stdoutFd = options.stdoutFile === undefined ? 'pipe' : openSync(options.stdoutFile, 'w');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [fileURLToPath(options.script), ...(options.args ?? [])], {
    stdio: ['ignore', stdoutFd, 'pipe'],
  });
  if (typeof stdoutFd === 'number') closeSync(stdoutFd); // the child holds its own copy
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  let started = false;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
  return new Promise<ChildServer>((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new ChildServerError(`${options.name} did not start: ${reason}${stderr === '' ? '' : `\n${stderr}`}`),
      );
    };
    const timer = setTimeout(() => {
      fail(`no URL on stdout after ${timeoutMs} ms`);
    }, timeoutMs);
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
      if (url === undefined || child.pid === undefined) return;
      started = true;
      clearTimeout(timer);
      clearInterval(filePoll);
      child.off('close', onEarlyClose);
      const { pid } = child;
      resolve({
        name: options.name,
        url,
        pid,
        spawnedAt,
        rss: () => readRss(pid),
        stop: () => stopChildProcess(child),
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

/**
 * Kills every child server still running when this process ends: normally, on an uncaught error, or on
 * Ctrl+C (SIGINT) or SIGTERM, which then end it with 130 or 143. Call it once, first thing, in a script
 * that starts child servers.
 */
export function killChildServersOnExit(): void {
  process.once('exit', killAllChildServers);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      killAllChildServers();
      process.exit(code);
    });
  }
}

/** Kills every child server started and not stopped yet; safe to call from an exit handler. */
export function killAllChildServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Asks the child to stop (SIGTERM) and kills it if it has not exited after a grace period. */
function stopChildProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** RSS from /proc on Linux (no process spawned per sample), else from `ps`, in bytes. */
async function readRss(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux: ask ps
  }
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  const kb = Number(stdout.trim());
  if (!Number.isFinite(kb) || kb <= 0) throw new Error(`cannot read the RSS of process ${pid}`);
  return kb * 1024;
}
