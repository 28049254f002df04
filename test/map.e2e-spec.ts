import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApi } from './support/app';
import {
  FORBIDDEN_KEYS,
  GeoJsonView,
  MapStack,
  eventuallyMap,
  fetchMap,
  forbiddenKeysIn,
  jsonParser,
  mapQueueIdle,
  startMapStack,
} from './support/map';
import { eventually } from './support/notifications';

// The services map end to end: schemes changed through GraphQL, scheme_events relayed by the
// worker into one debounced map.refresh, the snapshot served over public HTTP.

jest.setTimeout(60_000);

// Long enough for 20 updates to land inside one window even on a busy 2-core machine.
const DEBOUNCE_MS = 6000;
const ORUK = join(
  __dirname,
  '..',
  '..',
  'shared',
  'data',
  'hsds',
  'openreferral-uk-profile-3.0',
  'schema',
);

describe('services map', () => {
  let stack: MapStack;
  let api: TestApi;
  let admin: string;
  let organisation: { id: string; name: string };
  let leeds: { id: string };
  let national: { id: string };
  let manchester: { id: string };
  let schemeInput: typeof import('./support/schemes').schemeInput;
  let createScheme: typeof import('./support/schemes').createScheme;
  let UPDATE_SCHEME: string;

  const snapshotRows = async (): Promise<number> => {
    const { DataSource } = await import('typeorm');
    const [{ count }] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM map_snapshots');
    return count;
  };
  const update = (id: string, input: Record<string, unknown>) =>
    api.ok(UPDATE_SCHEME, { id, input }, admin);
  const feature = (map: GeoJsonView, id: string) => map.features.find((f) => f.id === id);

  beforeAll(async () => {
    stack = await startMapStack('map', {
      MAP_REFRESH_DEBOUNCE_MS: String(DEBOUNCE_MS),
      MAP_SEARCH_RATE_LIMIT_PER_MINUTE: '5',
    });
    api = stack.api;
    ({ schemeInput, createScheme, UPDATE_SCHEME } = await import('./support/schemes'));
    const { createOrganisation } = await import('./support/factories');
    admin = await api.adminToken();
    organisation = await createOrganisation(api, admin);
    leeds = await createScheme(
      api,
      admin,
      schemeInput(organisation.id, {
        name: 'Leeds housing mentors',
        postcode: 'LS6 1AA',
        prisonsServed: ['LEI'],
        genders: ['MALE'],
        minAge: 18,
        maxAge: 30,
      }),
    );
    national = await createScheme(
      api,
      admin,
      schemeInput(organisation.id, {
        name: 'Phone mentoring nationwide',
        pathways: ['FINANCE_BENEFIT_DEBT'],
        deliveryModes: ['PHONE'],
        coverageLocalAuthorities: [],
        national: true,
      }),
    );
    manchester = await createScheme(
      api,
      admin,
      schemeInput(organisation.id, {
        name: 'Manchester mentors',
        postcode: 'M1 1AA',
        coverageLocalAuthorities: ['E08000003'],
        pathways: ['HEALTH'],
        capacity: 1,
      }),
    );
    await eventuallyMap(api, 'the three schemes on the map', (map) => map.schemeCount === 3);
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('publishes each active scheme with its public properties, located or not', async () => {
    const { body } = await fetchMap(api);
    expect(body.type).toBe('FeatureCollection');
    const leedsFeature = feature(body, leeds.id)!;
    expect(leedsFeature.geometry?.type).toBe('Point');
    const [longitude, latitude] = leedsFeature.geometry!.coordinates;
    expect(latitude).toBeCloseTo(53.82, 1);
    expect(longitude).toBeCloseTo(-1.58, 1);
    expect(leedsFeature.properties).toMatchObject({
      scheme: 'Leeds housing mentors',
      organisation: { id: organisation.id, name: organisation.name },
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
      genders: ['MALE'],
      ageRange: { min: 18, max: 30 },
      deliveryModes: ['IN_PERSON'],
      coverageLocalAuthorities: ['Leeds'],
      national: false,
      throughTheGatePrisons: ['HMP Leeds'],
      placesAvailable: true,
      contactRoute: { kind: 'REFERRAL' },
    });
    const nationalFeature = feature(body, national.id)!;
    expect(nationalFeature.geometry).toBeNull();
    expect(nationalFeature.properties).toMatchObject({
      national: true,
      located: false,
      deliveryModes: ['PHONE'],
    });
  });

  it('follows updates and deactivation', async () => {
    await update(leeds.id, { name: 'Leeds housing and work mentors', capacity: 12 });
    await update(manchester.id, { active: false });
    const { body } = await eventuallyMap(
      api,
      'the update and the deactivation',
      (map) =>
        map.schemeCount === 2 &&
        feature(map, leeds.id)?.properties.scheme === 'Leeds housing and work mentors',
    );
    expect(feature(body, manchester.id)).toBeUndefined();
    await update(manchester.id, { active: true });
    await eventuallyMap(api, 'the scheme back on the map', (map) => map.schemeCount === 3);
  });

  it('rebuilds once for 20 quick changes', async () => {
    // Let any build still due from earlier changes happen first.
    await mapQueueIdle(stack);
    const before = await snapshotRows();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => update(national.id, { description: `Change ${i + 1}` })),
    );
    // Within one debounce window: otherwise a second build is right, and the test is not testing.
    expect(Date.now() - started).toBeLessThan(DEBOUNCE_MS);
    const { DataSource } = await import('typeorm');
    const [{ description }] = await api.app
      .get(DataSource)
      .query('SELECT description FROM schemes WHERE id = $1', [national.id]);
    await eventuallyMap(
      api,
      'the last change',
      (map) => feature(map, national.id)?.properties.description === description,
    );
    await mapQueueIdle(stack);
    expect(await snapshotRows()).toBe(before + 1);
  });

  it('answers If-None-Match with 304, with caching and CORS headers', async () => {
    const { etag } = await fetchMap(api);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const fresh = await api.http
      .get('/map/services.geojson')
      .set('origin', 'https://example.org')
      .buffer(true)
      .parse(jsonParser);
    expect(fresh.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(fresh.headers['access-control-allow-origin']).toBe('*');
    expect(fresh.headers['content-type']).toMatch(/application\/geo\+json/);
    // Browsers ask for gzip: made once per version; identity for clients that do not.
    const zipped = await api.http
      .get('/map/services.geojson')
      .set('accept-encoding', 'gzip')
      .buffer(true)
      .parse(jsonParser);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await api.http
      .get('/map/services.geojson')
      .set('accept-encoding', 'identity')
      .buffer(true)
      .parse(jsonParser);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.body).toEqual(plain.body);
    const cached = await api.http.get('/map/services.geojson').set('if-none-match', etag);
    expect(cached.status).toBe(304);
    expect(cached.headers.etag).toBe(etag);
    expect(cached.text ?? '').toBe('');
    const stale = await api.http
      .get('/map/services.geojson')
      .set('if-none-match', '"other"')
      .buffer(true)
      .parse(jsonParser);
    expect(stale.status).toBe(200);
    const preflight = await api.http
      .options('/map/services.geojson')
      .set('origin', 'https://example.org')
      .set('access-control-request-method', 'GET')
      .set('access-control-request-headers', 'if-none-match');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/i);
  });

  it('keeps serving the previous snapshot when a build fails, and recovers', async () => {
    const { MapRefreshTriggers } = await import('@app/services-map');
    const { JobQueues, QueueName } = await import('@app/core/queue');
    const { DataSource } = await import('typeorm');
    const queue = stack.worker.get(JobQueues, { strict: false }).queue(QueueName.Map);
    const database = api.app.get(DataSource);
    await mapQueueIdle(stack);
    const failedBefore = await queue.getFailedCount();
    const before = await fetchMap(api);
    // A real failure: the builder reads prison names, and the table is briefly not there.
    await database.query('ALTER TABLE prisons RENAME TO prisons_away');
    try {
      await update(leeds.id, { name: 'Renamed while the builder is broken' });
      await eventually(
        'the build to fail after its retries',
        async () => (await queue.getFailedCount()) > failedBefore,
        20_000,
      );
      const during = await fetchMap(api);
      expect(during.etag).toBe(before.etag);
      expect(feature(during.body, leeds.id)?.properties.scheme).toBe(
        before.body.features.find((f) => f.id === leeds.id)?.properties.scheme,
      );
    } finally {
      await database.query('ALTER TABLE prisons_away RENAME TO prisons');
    }
    await stack.worker.get(MapRefreshTriggers, { strict: false }).requestRefresh('manual');
    await eventuallyMap(
      api,
      'the rebuild after recovery',
      (map) => feature(map, leeds.id)?.properties.scheme === 'Renamed while the builder is broken',
    );
  });

  it('searches like searchServices without prison or risk, and limits each client address', async () => {
    const address = '10.99.0.1';
    const search = (query: string, from = address) =>
      api.http.get(`/map/search?${query}`).set('x-forwarded-for', from);
    const found = await search('postcode=LS6&needs=ACCOMMODATION');
    expect(found.status).toBe(200);
    const ids = found.body.results.map((r: { id: string }) => r.id);
    expect(ids).toContain(leeds.id);
    expect(ids).not.toContain(manchester.id);
    expect(found.body.results[0]).not.toHaveProperty('throughTheGate');
    const bad = await search('postcode=ZZ99', '10.99.0.2');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_USER_INPUT');
    const unknownParam = await search('postcode=LS6&riskLevel=HIGH', '10.99.0.3');
    expect(unknownParam.status).toBe(400);
    for (let i = 0; i < 4; i += 1) expect((await search('postcode=LS6')).status).toBe(200);
    const limited = await search('postcode=LS6');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await search('postcode=LS6', '10.99.0.4')).status).toBe(200);
  });

  describe('Open Referral UK', () => {
    let validateListItem: ValidateFunction;
    let validateService: ValidateFunction;
    let validatePage: ValidateFunction;

    beforeAll(() => {
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      const read = (file: string) => JSON.parse(readFileSync(join(ORUK, file), 'utf8'));
      validateListItem = ajv.compile(read('compiled/service_list.json'));
      validateService = ajv.compile(read('compiled/service.json'));
      const page = read('openapi.json').components.schemas.Page;
      validatePage = ajv.compile({ ...page, required: Object.keys(page.properties) });
    });

    const valid = (validate: ValidateFunction, value: unknown) => {
      const ok = validate(value);
      if (!ok) throw new Error(JSON.stringify(validate.errors, null, 2));
    };

    it('lists services page by page in the ORUK shape', async () => {
      const first = await api.http.get('/openreferral/services?page=1&per_page=2');
      expect(first.status).toBe(200);
      valid(validatePage, first.body);
      expect(first.body).toMatchObject({
        total_items: 3,
        total_pages: 2,
        page_number: 1,
        size: 2,
        first_page: true,
        last_page: false,
      });
      const second = await api.http.get('/openreferral/services?page=2&per_page=2');
      expect(second.body).toMatchObject({ page_number: 2, size: 1, last_page: true });
      for (const service of [...first.body.contents, ...second.body.contents])
        valid(validateListItem, service);
      const ids = [...first.body.contents, ...second.body.contents]
        .map((s: { id: string }) => s.id)
        .sort();
      expect(ids).toEqual([leeds.id, national.id, manchester.id].sort());
      expect((await api.http.get('/openreferral/services?per_page=1000')).status).toBe(400);
    });

    it('returns one service fully nested, and 404 for an unknown one', async () => {
      const response = await api.http.get(`/openreferral/services/${leeds.id}`);
      expect(response.status).toBe(200);
      valid(validateService, response.body);
      expect(response.body.organization).toMatchObject({
        id: organisation.id,
        name: organisation.name,
      });
      expect(response.body.service_areas.map((a: { name: string }) => a.name)).toEqual(['Leeds']);
      expect(response.body.service_at_locations[0].location).toMatchObject({
        location_type: 'physical',
      });
      const nationalService = await api.http.get(`/openreferral/services/${national.id}`);
      valid(validateService, nationalService.body);
      expect(nationalService.body.service_at_locations).toEqual([]);
      expect(
        (await api.http.get('/openreferral/services/00000000-0000-4000-8000-000000000000')).status,
      ).toBe(404);
    });
  });

  it('never shows any person’s data', async () => {
    const { registerMentor } = await import('./support/factories');
    const displayName = 'Unmistakable Mentorname';
    const mentor = await registerMentor(api, { organisationId: organisation.id, displayName });
    // A change after the mentor exists, so the snapshot was built with them in the database.
    await update(leeds.id, { description: 'Checked for personal data' });
    const map = await eventuallyMap(
      api,
      'the rebuild',
      (m) => feature(m, leeds.id)?.properties.description === 'Checked for personal data',
    );
    const outputs: unknown[] = [map.body];
    outputs.push(
      (await api.http.get('/map/search?postcode=LS6').set('x-forwarded-for', '10.98.0.1')).body,
    );
    outputs.push((await api.http.get('/openreferral/services')).body);
    for (const id of [leeds.id, national.id, manchester.id])
      outputs.push((await api.http.get(`/openreferral/services/${id}`)).body);
    for (const output of outputs) expect(forbiddenKeysIn(output)).toEqual([]);
    expect(FORBIDDEN_KEYS.length).toBeGreaterThan(20);
    const text = JSON.stringify(outputs);
    for (const value of [mentor.id, mentor.userId, mentor.email, displayName])
      expect(text).not.toContain(value);
  });

  it('serves the page and Leaflet from the package', async () => {
    const page = await api.http.get('/map');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('/map/assets/leaflet.js');
    expect(page.text).toContain('http://127.0.0.1:9/{z}/{x}/{y}.png');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const leaflet = await api.http.get('/map/assets/leaflet.js');
    expect(leaflet.status).toBe(200);
    expect(leaflet.text).toContain('Leaflet');
    expect((await api.http.get('/map/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
