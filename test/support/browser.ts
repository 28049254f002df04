import { chromium, type Browser, type Page } from 'playwright-core';

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

/** The API listening on a free local port, and a browser page to visit it with. */
export async function browseApi(api: {
  app: {
    listen(port: number, host: string): Promise<unknown>;
    getHttpServer(): { address(): unknown };
  };
}): Promise<{ baseUrl: string; browser: Browser; page: Page }> {
  await api.app.listen(0, '127.0.0.1');
  const address = api.app.getHttpServer().address() as { port: number };
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  return { baseUrl: `http://127.0.0.1:${address.port}`, browser, page };
}
