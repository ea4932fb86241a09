import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to `path` through a temporary file in the same folder, renamed over `path`: a reader,
 * or a process killed mid-write, only ever sees the previous whole file or the new whole file.
 */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
