import { launchChromium } from '../test/support/browser';

/*
 * Screenshots the running map page for the README: `npm run ts -- scripts/screenshot-map.ts
 * [url] [file] [postcode]` (defaults: the demo's http://localhost:3000/map, docs/map.png, LS6).
 */
async function main(): Promise<void> {
  const [url = 'http://localhost:3000/map', file = 'docs/map.png', postcode = 'LS6'] =
    process.argv.slice(2);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    if (postcode) {
      await page.fill('#postcode', postcode);
      await page.press('#postcode', 'Enter');
      await page.waitForFunction(() =>
        /cover/.test(document.getElementById('search-status')?.textContent ?? ''),
      );
    }
    // Give tiles (when reachable) a moment; the page works without them.
    await page.waitForTimeout(1500);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
