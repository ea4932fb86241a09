import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The names Chromium and Chrome go by on a PATH (Debian's package, older Ubuntus, Google's builds). */
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

/** What to do when no browser is found; the browser tests fail with this rather than skip. */
export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`; `.ci/run` does this ' +
  'when none is found) or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** The browser found where no Chromium could be: the message says how to get one. */
export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';
}

/**
 * The Chromium binary the browser tests drive: `CHROMIUM_PATH` when set (and then it must be runnable),
 * else the first browser on `PATH`. Nothing is ever downloaded.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>>): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (isExecutable(chosen)) return chosen;
    throw new ChromiumNotFoundError(`CHROMIUM_PATH=${chosen} is not an executable file. ${INSTALL_HINT}`);
  }
  const directories = (env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  for (const name of BROWSER_NAMES) {
    for (const directory of directories) {
      const candidate = join(directory, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new ChromiumNotFoundError(
    `No Chromium found on PATH (looked for ${BROWSER_NAMES.join(', ')}). ${INSTALL_HINT}`,
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
