import { describe, expect, it } from 'vitest';
import { createBufferedLineWriter } from '../../src/cli/buffered-line-writer.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createBufferedLineWriter', () => {
  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = [];
    const log = createBufferedLineWriter((text) => writes.push(text));
    log.writeLine('GET /a 200 0.1ms');
    log.writeLine('GET /b 404 0.2ms');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['GET /a 200 0.1ms\nGET /b 404 0.2ms\n']);
    log.writeLine('GET /c 200 0.1ms');
    await nextTurn();
    expect(writes).toEqual(['GET /a 200 0.1ms\nGET /b 404 0.2ms\n', 'GET /c 200 0.1ms\n']);
  });

  it('writes at once when the buffer is full', () => {
    const writes: string[] = [];
    const log = createBufferedLineWriter((text) => writes.push(text), 20);
    log.writeLine('0123456789');
    expect(writes).toEqual([]);
    log.writeLine('abcdefghij');
    expect(writes).toEqual(['0123456789\nabcdefghij\n']);
  });

  it('writes what is queued on flush, and nothing twice', async () => {
    const writes: string[] = [];
    const log = createBufferedLineWriter((text) => writes.push(text));
    log.writeLine('last line');
    log.flush();
    expect(writes).toEqual(['last line\n']);
    await nextTurn();
    expect(writes).toEqual(['last line\n']);
  });
});
