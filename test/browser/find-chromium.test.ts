import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, findChromium } from './find-chromium.js';

let root = '';
let withChromium = '';
let withChrome = '';
let empty = '';

async function executable(directory: string, name: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, name);
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'find-chromium-'));
  withChromium = join(root, 'a');
  withChrome = join(root, 'b');
  empty = join(root, 'c');
  await executable(withChromium, 'chromium');
  await executable(withChrome, 'google-chrome');
  await mkdir(empty);
  // A file that is there but cannot be run is not a browser.
  await writeFile(join(empty, 'chromium'), '');
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first', () => {
    const chosen = join(withChrome, 'google-chrome');
    expect(findChromium({ CHROMIUM_PATH: chosen, PATH: withChromium })).toBe(chosen);
  });

  it('finds chromium on PATH before Chrome, whatever the directory order', () => {
    expect(findChromium({ PATH: [empty, withChrome, withChromium].join(delimiter) })).toBe(
      join(withChromium, 'chromium'),
    );
    expect(findChromium({ PATH: withChrome })).toBe(join(withChrome, 'google-chrome'));
  });

  it('fails, saying how to install one, when no browser is on PATH', () => {
    expect(() => findChromium({ PATH: empty })).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({})).toThrow(/apt-get install -y chromium.*CHROMIUM_PATH/s);
  });

  it('fails, naming it, when CHROMIUM_PATH is not an executable', () => {
    const missing = join(empty, 'no-such-browser');
    expect(() => findChromium({ CHROMIUM_PATH: missing, PATH: withChromium })).toThrow(
      `CHROMIUM_PATH=${missing} is not an executable file`,
    );
    expect(() => findChromium({ CHROMIUM_PATH: empty })).toThrow(ChromiumNotFoundError);
  });
});
