import { build } from 'rolldown';
import { describe, expect, it } from 'vitest';

describe('langgraph-mock-server/msw in a browser', () => {
  it('bundles for the browser with nothing left to import and no Node built-in', async () => {
    const warnings: string[] = [];
    const { output } = await build({
      input: new URL('../../src/msw/create-handlers.ts', import.meta.url).pathname,
      platform: 'browser',
      write: false,
      logLevel: 'warn',
      onLog: (_level, log) => {
        warnings.push(`${log.code ?? ''} ${log.message}`);
      },
    });
    const chunks = output.filter((item) => item.type === 'chunk');
    const names = new Set(chunks.map((chunk) => chunk.fileName));
    expect(warnings).toEqual([]);
    for (const chunk of chunks) {
      expect(
        chunk.imports.filter((name) => !names.has(name)),
        chunk.fileName,
      ).toEqual([]);
      expect(chunk.code, chunk.fileName).not.toMatch(/["']node:[a-z_]+["']/);
    }
    // The control API's validators load on its first write, in a chunk of their own.
    expect(chunks.length).toBeGreaterThan(1);
  }, 60_000);
});
