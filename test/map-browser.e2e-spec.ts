import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestApi } from './support/app';
import { CHROMIUM, browseApi } from './support/browser';
import { MapStack, eventuallyMap, startMapStack } from './support/map';

// The map page in a real headless Chromium (Debian's package, driven by playwright-core): what a
// person sees, including when the tile server cannot be reached (the test's tile URL never answers).

jest.setTimeout(90_000);

const OUTPUT = join(__dirname, '..', 'test-output');

describe('the map page in a browser', () => {
  let stack: MapStack;
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const ids: Record<string, string> = {};

  const listedIds = () =>
    page.$$eval('#service-list li[data-scheme-id]', (items) =>
      items.map((item) => item.getAttribute('data-scheme-id')),
    );

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: run "bash scripts/ensure-services.sh --with-chromium" (as root on Debian)`,
      );
    }
    stack = await startMapStack('browser', { MAP_REFRESH_DEBOUNCE_MS: '300' });
    api = stack.api;
    const { schemeInput, createScheme } = await import('./support/schemes');
    const { createOrganisation } = await import('./support/factories');
    const admin = await api.adminToken();
    const organisation = await createOrganisation(api, admin);
    const create = async (key: string, overrides: Record<string, unknown>) => {
      ids[key] = (await createScheme(api, admin, schemeInput(organisation.id, overrides))).id;
    };
    await create('leedsHousing', {
      name: 'Leeds housing mentors',
      postcode: 'LS6 1AA',
      pathways: ['ACCOMMODATION'],
      prisonsServed: ['LEI'],
    });
    await create('bradfordWork', {
      name: 'Bradford work mentors',
      postcode: 'BD1 1AA',
      coverageLocalAuthorities: ['E08000032'],
      pathways: ['EDUCATION_TRAINING_EMPLOYMENT'],
    });
    await create('manchesterWomen', {
      name: 'Manchester women’s mentoring',
      postcode: 'M1 1AA',
      coverageLocalAuthorities: ['E08000003'],
      pathways: ['ACCOMMODATION', 'HEALTH'],
      genders: ['FEMALE'],
    });
    await create('nationalPhone', {
      name: 'Phone mentoring nationwide',
      pathways: ['FINANCE_BENEFIT_DEBT'],
      deliveryModes: ['PHONE'],
      coverageLocalAuthorities: [],
      national: true,
    });
    await eventuallyMap(api, 'the four schemes on the map', (map) => map.schemeCount === 4);

    ({ baseUrl, browser, page } = await browseApi(api));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads, lists every service and draws one marker per located scheme', async () => {
    await page.goto(`${baseUrl}/map`);
    await page.waitForSelector('body[data-ready="true"]');
    expect((await listedIds()).sort()).toEqual(Object.values(ids).sort());
    // The national phone scheme has no base location: listed, not drawn.
    expect(await page.locator('.scheme-marker').count()).toBe(3);
    await expect(page.textContent('#status')).resolves.toBe(
      '4 services shown, 3 on the map (the others are national or remote).',
    );
    // No tiles (the test's tile server never answers): the page says so and still works.
    await page.waitForFunction(
      () => (document.getElementById('tile-status')?.textContent ?? '').length > 0,
    );
  });

  it('narrows the list and the markers by need', async () => {
    await page.selectOption('#need', 'ACCOMMODATION');
    expect((await listedIds()).sort()).toEqual([ids.leedsHousing, ids.manchesterWomen].sort());
    expect(await page.locator('.scheme-marker').count()).toBe(2);
    await page.selectOption('#need', '');
    expect(await listedIds()).toHaveLength(4);
  });

  it('searches by postcode, nearest first, and shows everything again on "Show all"', async () => {
    await page.fill('#postcode', 'LS6');
    await page.press('#postcode', 'Enter');
    await page.waitForFunction(() =>
      /cover LS6/.test(document.getElementById('search-status')?.textContent ?? ''),
    );
    // LS6 is in Leeds: the Leeds scheme (covering Leeds) and the national one; not Bradford or Manchester.
    const found = await listedIds();
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(ids.leedsHousing);
    expect(found).toContain(ids.nationalPhone);
    await expect(page.textContent(`li[data-scheme-id="${ids.leedsHousing}"]`)).resolves.toContain(
      'km away',
    );

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'map-search-LS6.png'), fullPage: true });

    await page.click('#clear-search');
    expect(await listedIds()).toHaveLength(4);
  });

  it('is usable from the keyboard: the search box and filters have labels', async () => {
    for (const control of ['postcode', 'need', 'gender', 'hasPlaces']) {
      await expect(page.locator(`label[for="${control}"]`).count()).resolves.toBe(1);
    }
    await page.focus('#postcode');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Find services');
  });
});
