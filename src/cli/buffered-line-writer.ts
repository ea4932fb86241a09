/** Lines gathered and written in one piece per turn of the event loop. */
export interface BufferedLineWriter {
  /** Queues one line (without its newline). */
  writeLine(line: string): void;
  /** Writes whatever is queued now; call it before the process exits. */
  flush(): void;
}

/**
 * A request log that costs one write per turn of the event loop, not one per request: under load the
 * server answers many requests per turn, and a synchronous write each (stdout to a file or a pipe is
 * synchronous in Node) cost as much as serving the page. Lines are written in order, at the latest on
 * the next turn, or as soon as `maxBufferedChars` are waiting.
 *
 * @example
 * const log = createBufferedLineWriter((text) => process.stdout.write(text));
 * createMockServer({ logRequest: log.writeLine });
 */
export function createBufferedLineWriter(
  write: (text: string) => void,
  maxBufferedChars = 64 * 1024,
): BufferedLineWriter {
  let buffered = '';
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (buffered === '') return;
    const text = buffered;
    buffered = '';
    write(text);
  };
  return {
    writeLine(line) {
      buffered += `${line}\n`;
      if (buffered.length >= maxBufferedChars) {
        flush();
      } else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
