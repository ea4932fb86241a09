import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for a headless browser in a container: no sandbox (CI runs as root), no GPU, and none of the
 * background traffic (updates, sync, QUIC probes) that would reach for the network during a test.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Starts the system Chromium headless (playwright gives it a fresh profile directory). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
