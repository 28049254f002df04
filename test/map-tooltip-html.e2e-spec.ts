import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TestApi } from './support/app';
import { CHROMIUM, browseApi } from './support/browser';
import { MapStack, eventuallyMap, startMapStack } from './support/map';

// A scheme's name (written by any coordinator) is never parsed as HTML on the public map page,
// marker tooltips included.

jest.setTimeout(90_000);

describe('scheme text on the public map page', () => {
  let stack: MapStack;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const NAME = 'Leeds <b id="injected-by-scheme-name">mentors</b>';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
    stack = await startMapStack('rvhtml', { MAP_REFRESH_DEBOUNCE_MS: '300' });
    api = stack.api;
    const { schemeInput, createScheme } = await import('./support/schemes');
    const { createOrganisation } = await import('./support/factories');
    const admin = await api.adminToken();
    const organisation = await createOrganisation(api, admin);
    await createScheme(
      api,
      admin,
      schemeInput(organisation.id, { name: NAME, postcode: 'LS6 1AA' }),
    );
    await eventuallyMap(api, 'the scheme on the map', (map) => map.schemeCount === 1);
    ({ baseUrl, browser, page } = await browseApi(api));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the scheme name in the marker tooltip as text, not as HTML', async () => {
    await page.goto(`${baseUrl}/map`);
    await page.waitForSelector('body[data-ready="true"]');
    // The list is safe (textContent)…
    await expect(page.locator('#service-list h3').textContent()).resolves.toBe(NAME);
    // …but hovering the marker opens Leaflet's tooltip, whose string content is set as innerHTML.
    await page.hover('.scheme-marker');
    await page.waitForSelector('.leaflet-tooltip');
    expect(await page.locator('#injected-by-scheme-name').count()).toBe(0);
    await expect(page.locator('.leaflet-tooltip').textContent()).resolves.toBe(NAME);
  });
});
