import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/http/create-mock-server.js';
import { runCommand } from './consumer-project.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const npm = (...args: string[]) => runCommand(ROOT, 'npm', ['--silent', ...args]);

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ host: '127.0.0.1', port: 0 });
});
afterAll(() => mock.close());

describe('the npm scripts of a clone', () => {
  it('npm run export and npm start -- export write the same fixture file', async () => {
    const [viaRun, viaStart] = await Promise.all([
      npm('run', 'export', '--', '--seed', '3', '--threads', '1'),
      npm('start', '--', 'export', '--seed', '3', '--threads', '1'),
    ]);
    expect(viaRun.code).toBe(0);
    expect((JSON.parse(viaRun.stdout) as { format: string }).format).toBe('langgraph-mock-fixtures');
    expect(viaStart.stdout).toBe(viaRun.stdout);
  });

  it('npm run check -- <url> and npm start -- check <url> check a server', async () => {
    for (const args of [
      ['run', 'check', '--', mock.url],
      ['start', '--', 'check', mock.url],
    ]) {
      const run = await npm(...args, '--prism', 'off', '--reporter', 'json');
      expect(run.code, args.join(' ')).toBe(0);
      expect((JSON.parse(run.stdout) as { failed: number; passed: number }).failed).toBe(0);
    }
  });

  it('npm start -- <flags> still serves', async () => {
    // npm runs the server in a shell of its own: the whole process group is stopped at the end.
    const child = spawn('npm', ['--silent', 'start', '--', '--port', '0', '--quiet'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const found = /listening on (http:\/\/\S+)/.exec(output);
          if (found?.[1] !== undefined) resolve(found[1]);
        });
        child.once('exit', (code) => {
          reject(new Error(`npm start exited with ${String(code)}: ${output}`));
        });
      });
      const response = await fetch(`${url}/threads/00000000-0000-4000-8000-000000000003/runs?limit=2`);
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveLength(2);
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
