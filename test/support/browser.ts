import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package (installed by `scripts/ensure-services.sh --with-chromium`); no download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium (playwright gives it a fresh temporary profile each launch), and without the background traffic it makes by default. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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
