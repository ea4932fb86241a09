import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = 'dist/cli/main.js';

/** A spawned `langgraph-mock` process and what it has written so far. */
export interface CliChild {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code and signal once the process has exited. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** Resolves once stdout matches `pattern` (with the match), rejects if the process exits first or on timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

/**
 * Starts the built CLI (`dist/cli/main.js`) with `args`; kill it (or let it exit) when done.
 *
 * @example
 * const proxy = spawnCli(['proxy', '--target', mock.url, '--port', '0']);
 * const url = (await proxy.waitFor(/listening on (\S+)/))[1];
 */
export function spawnCli(args: readonly string[]): CliChild {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const waitFor = (pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`no ${String(pattern)} after ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`),
        );
      }, timeoutMs);
      const check = (): void => {
        const match = pattern.exec(stdout);
        if (match === null) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match);
      };
      child.stdout.on('data', check);
      void exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${String(code)} first; stdout: ${stdout}; stderr: ${stderr}`));
      });
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitFor };
}

/** Runs the built CLI to completion and resolves with its exit code and output. */
export async function runCli(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = spawnCli(args);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
