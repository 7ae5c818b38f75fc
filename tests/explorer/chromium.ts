/**
 * Headless Chromium for the browser tests, as tests/report/browser.test.ts finds it: Debian's `chromium` (which
 * `.ci/run` installs where it is missing) or CHROMIUM_PATH. Undefined when there is none (tests skip with a notice,
 * or fail when CORRIDOR_SIM_REQUIRE_BROWSER=1).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const chromiumExecutable: string | undefined = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].find((p): p is string => p !== undefined && p !== '' && existsSync(p));

/** Says why browser tests are skipped, or throws when a browser is required. */
export function noticeMissingBrowser(file: string): void {
  if (chromiumExecutable) return;
  if (process.env.CORRIDOR_SIM_REQUIRE_BROWSER === '1') {
    throw new Error('CORRIDOR_SIM_REQUIRE_BROWSER=1 but no Chromium was found (set CHROMIUM_PATH)');
  }
  console.warn(`${file}: no Chromium found; the browser tests are skipped`);
}

/** Starts headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable as string,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
