import { formatFixtures } from '../fixtures/export-fixtures.js';
import type { RunRecorder } from './run-recorder.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** How often a recording is written while it changes, by default. */
export const DEFAULT_RECORDING_INTERVAL_MS = 2000;

/** Options of `startRecordingFile`. */
export interface RecordingFileOptions {
  readonly recorder: RunRecorder;
  readonly path: string;
  /** How often to write while something changed (default 2 s). */
  readonly intervalMs?: number;
  /** Told when a periodic write fails (a full disk); the recording goes on and the next write retries. */
  readonly onError?: (error: Error) => void;
}

/** A recording being written to a file. */
export interface RecordingFile {
  /** Writes now if anything changed since the last write; throws when the write fails. */
  flush(): void;
  /** Stops the periodic writes (without a last one: call `flush` first). */
  stop(): void;
}

/**
 * Writes the recorder's fixture file at `path` at once (so the file exists and loads from the start),
 * then every `intervalMs` while something changed. Each write is atomic, so a recording interrupted at
 * any moment leaves the last complete write.
 */
export function startRecordingFile(options: RecordingFileOptions): RecordingFile {
  let written = -1;
  const write = (): void => {
    const revision = options.recorder.revision;
    writeFileAtomically(options.path, formatFixtures(options.recorder.toFixtureFile()));
    written = revision;
  };
  const changed = (): boolean => options.recorder.revision !== written;
  write();
  const timer = setInterval(() => {
    if (!changed()) return;
    try {
      write();
    } catch (error) {
      options.onError?.(error as Error);
    }
  }, options.intervalMs ?? DEFAULT_RECORDING_INTERVAL_MS);
  timer.unref();
  return {
    flush: () => {
      if (changed()) write();
    },
    stop: () => {
      clearInterval(timer);
    },
  };
}
