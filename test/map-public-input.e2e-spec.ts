import type { TestApi } from './support/app';
import { MapStack, eventuallyMap, jsonParser, mapQueueIdle, startMapStack } from './support/map';

// The public REST endpoints of libs/services-map with odd input and headers, and before the first
// snapshot: 400 in the documented { error } shape (never 500), gzip only when accepted, and no
// shared-cache lifetime on a 503.

jest.setTimeout(60_000);

describe('public map endpoints: input, encodings, caching', () => {
  let stack: MapStack;
  let api: TestApi;

  beforeAll(async () => {
    stack = await startMapStack('rvquery', {
      MAP_REFRESH_DEBOUNCE_MS: '300',
      MAP_SEARCH_RATE_LIMIT_PER_MINUTE: '1000',
    });
    api = stack.api;
    const { schemeInput, createScheme } = await import('./support/schemes');
    const { createOrganisation } = await import('./support/factories');
    const admin = await api.adminToken();
    const organisation = await createOrganisation(api, admin);
    await createScheme(api, admin, schemeInput(organisation.id, { postcode: 'LS6 1AA' }));
    await eventuallyMap(api, 'the scheme on the map', (map) => map.schemeCount === 1);
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a NUL character in localAuthorityCode with 400, not 500', async () => {
    const response = await api.http
      .get('/map/search?localAuthorityCode=%00')
      .set('x-forwarded-for', '10.77.0.1');
    expect(response.status).toBe(400);
  });

  it('does not send gzip to a client that refuses it with "gzip ;q=0"', async () => {
    // RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue — whitespace before ";" is allowed.
    const response = await api.http
      .get('/map/services.geojson')
      .set('accept-encoding', 'gzip ;q=0')
      .buffer(true)
      .parse(jsonParser);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('answers bad query values in the documented { error: { code } } shape', async () => {
    for (const url of [
      '/map/search?postcode=LS6&first=0',
      '/openreferral/services?per_page=1000',
      '/openreferral/services/not-a-uuid',
    ]) {
      const response = await api.http.get(url).set('x-forwarded-for', '10.77.0.2');
      expect(response.status).toBe(400);
      expect({ url, code: response.body?.error?.code }).toEqual({ url, code: 'BAD_USER_INPUT' });
    }
  });

  it('does not let a shared cache keep "not published yet" (503) for a minute', async () => {
    const { REDIS } = await import('@app/core');
    const { CURRENT_CONTENT_KEY, CURRENT_HASH_KEY, SNAPSHOT_RECHECK_MS } =
      await import('@app/services-map');
    const { DataSource } = await import('typeorm');
    // A rebuild still due from the set-up would publish again while this test waits.
    await mapQueueIdle(stack);
    // As on a fresh deployment before the worker's first build: no snapshot anywhere.
    await api.app.get(REDIS, { strict: false }).del(CURRENT_HASH_KEY, CURRENT_CONTENT_KEY);
    await api.app.get(DataSource).query('DELETE FROM map_snapshots');
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_RECHECK_MS + 200));
    const response = await api.http.get('/openreferral/services');
    expect(response.status).toBe(503);
    expect(response.headers['cache-control'] ?? '').not.toMatch(/public|max-age=[1-9]/);
  });
});
