import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop (SIGTERM) and kills it if it has not exited after `graceMs`; resolves
 * once it is gone. Used by the bench and the soak for the servers they start.
 */
export function stopChildProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
