import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = '/threads/00000000-0000-4000-8000-000000000003/runs';

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0 within 5 s', async () => {
    const child = spawn(process.execPath, ['dist/cli/main.js', '--port', '0', '--quiet'], {
      cwd: PROJECT_ROOT,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once('exit', () => {
          reject(new Error(`exited early: ${out}`));
        });
      });
      const exited = new Promise<{ code: number | null; at: number }>((resolve) => {
        child.once('exit', (code) => {
          resolve({ code, at: performance.now() });
        });
      });

      const inFlight = fetch(`${url}${RUNS}`, { headers: { prefer: 'delay=800' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signalledAt = performance.now();
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));

      await expect(fetch(`${url}${RUNS}`)).rejects.toThrow(); // the listener is closed
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as unknown[]).length).toBe(10);
      const { code, at } = await exited;
      expect(code).toBe(0);
      expect(at - signalledAt).toBeLessThan(5000);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
