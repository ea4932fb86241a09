import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stopChildProcess } from './stop-child-process.js';

/** The mock running in a process of its own. */
export interface ChildMock {
  /** Base URL the mock printed, always on 127.0.0.1. */
  readonly url: string;
  readonly pid: number;
  /** The process's resident set size in bytes. */
  rss(): Promise<number>;
  /** Ends the process (SIGTERM, SIGKILL after a grace period) and resolves once it has exited. */
  stop(): Promise<void>;
}

const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+/;
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3000;

// Every child still running, so that an error or Ctrl+C in the soak leaves no server behind.
const running = new Set<ChildProcess>();

/**
 * Starts the mock's CLI (`serve --port 0 --host 127.0.0.1 --quiet`) from `cliScript` and resolves once it
 * prints its URL. The load generator and the server get an event loop each, and the server's memory can
 * be read on its own.
 *
 * @example
 * const mock = await startChildMock(new URL('../dist/cli/main.js', import.meta.url));
 * await mock.stop();
 */
export function startChildMock(cliScript: URL): Promise<ChildMock> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(cliScript), 'serve', '--port', '0', '--host', '127.0.0.1', '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise<ChildMock>((resolve, reject) => {
    let started = false;
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the mock did not start: ${reason}${stderr === '' ? '' : `\n${stderr}`}`));
    };
    const timer = setTimeout(() => {
      fail(`no URL on stdout after ${START_TIMEOUT_MS} ms`);
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      fail(error.message);
    });
    child.once('exit', (code, signal) => {
      if (!started) fail(`exited (${signal ?? `code ${String(code)}`}) before printing its URL`);
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (started) return; // keep draining, so the child never blocks on a full pipe
      stdout += chunk;
      const url = URL_PATTERN.exec(stdout)?.[0];
      if (url === undefined || child.pid === undefined) return;
      started = true;
      clearTimeout(timer);
      const { pid } = child;
      resolve({ url, pid, rss: () => readRss(pid), stop: () => stopChildProcess(child, STOP_GRACE_MS) });
    });
  });
}

/** Kills every child still running; safe to call from an exit handler. */
export function killChildMocks(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
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
