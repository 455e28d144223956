import type { Browser } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; playwright never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

// Whether browser tests run: requireTool('chromium', …) in ./tools.ts, which also reports the skip.

/** Headless Chromium with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
