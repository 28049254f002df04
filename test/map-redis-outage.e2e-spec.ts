import type { TestApi } from './support/app';
import { MapStack, eventuallyMap, fetchMap, startMapStack } from './support/map';
import { PrivateRedis, sleep } from './support/notifications';

// The map is served from Redis; when Redis goes away the API serves the newest PostgreSQL version
// (the same bytes and ETag). A private redis-server is killed for real, not the shared one.

jest.setTimeout(60_000);

describe('services map without Redis', () => {
  let redis: PrivateRedis;
  let stack: MapStack;
  let api: TestApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await startMapStack('outage', {
      REDIS_URL: redis.url,
      MAP_REFRESH_DEBOUNCE_MS: '300',
    });
    api = stack.api;
    const { schemeInput, createScheme } = await import('./support/schemes');
    const { createOrganisation } = await import('./support/factories');
    const admin = await api.adminToken();
    const organisation = await createOrganisation(api, admin);
    await createScheme(api, admin, schemeInput(organisation.id, { postcode: 'LS6 1AA' }));
    await eventuallyMap(api, 'the scheme on the map', (map) => map.schemeCount === 1);
    // Only the API's side is under test; the worker has built the snapshot and can go.
    await stack.worker.close();
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('serves the newest PostgreSQL version, with the same ETag and bytes, and Redis again when it returns', async () => {
    const before = await fetchMap(api);
    // Loaded here, not at the top: app modules must load after the stack has set this file's env.
    const { SNAPSHOT_RECHECK_MS } = await import('@app/services-map');
    await redis.stop();
    await sleep(SNAPSHOT_RECHECK_MS + 200);
    try {
      const during = await fetchMap(api);
      expect(during.etag).toBe(before.etag);
      expect(during.body).toEqual(before.body);
    } finally {
      await redis.start();
    }
    const after = await fetchMap(api);
    expect(after.etag).toBe(before.etag);
  });
});
