import { Clock } from '@app/core';
import {
  MapSnapshotBuilder,
  MapSnapshotCache,
  MapSnapshotEntity,
  MapSnapshotRepository,
  buildSnapshot,
} from '@app/services-map';
import { TestApi, unique } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import { UPDATE_SCHEME, createScheme, schemeInput } from './support/schemes';

// The 15-minute scheduled map.refresh and a debounced scheme.changed one are different jobs and can
// overlap; one that read the schemes before a change must not publish after one that read them
// after it (refreshes take a PostgreSQL advisory lock). The interleaving is forced; snapshots and
// the Redis copy are kept in memory here so the shared test database and prefix are not touched.

describe('two map refreshes overlapping', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('the map published last reflects the latest committed scheme change', async () => {
    const admin = await api.adminToken();
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const scheme = await createScheme(
      api,
      coordinator.token,
      schemeInput(org.id, { name: unique('Map race') }),
    );
    const real = api.app.get(MapSnapshotRepository);
    const clock = api.app.get(Clock);

    // In-memory snapshot store and Redis copy.
    const stored: MapSnapshotEntity[] = [];
    let published = null as { hash: string; content: string } | null;
    const cache = {
      publish: async (hash: string, content: string) => void (published = { hash, content }),
    } as unknown as MapSnapshotCache;
    const store = (read: () => ReturnType<MapSnapshotRepository['activeSchemes']>) =>
      ({
        withRefreshLock: <T>(work: () => Promise<T>) => real.withRefreshLock(work),
        activeSchemes: read,
        latestHead: async () => stored.at(-1) ?? null,
        latest: async () => stored.at(-1) ?? null,
        insert: async (snapshot: Omit<MapSnapshotEntity, 'id'>) => {
          const saved = { ...snapshot, id: String(stored.length + 1) } as MapSnapshotEntity;
          stored.push(saved);
          return saved;
        },
      }) as unknown as MapSnapshotRepository;

    // Refresh 1 (the scheduled one) reads the schemes, then is slow to go on.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let readDone!: () => void;
    const hasRead = new Promise<void>((resolve) => (readDone = resolve));
    let firstRead: { id: string }[] = [];
    const slow = new MapSnapshotBuilder(
      store(async () => {
        const rows = await real.activeSchemes();
        firstRead = rows;
        readDone();
        await held;
        return rows;
      }),
      cache,
      clock,
    );
    const first = slow.refresh();
    await hasRead;

    // The scheme changes (commits), and refresh 2 (the debounced one) runs to the end.
    await api.ok(UPDATE_SCHEME, { id: scheme.id, input: { active: false } }, coordinator.token);
    let secondRead: Awaited<ReturnType<MapSnapshotRepository['activeSchemes']>> = [];
    const fresh = new MapSnapshotBuilder(
      store(async () => (secondRead = await real.activeSchemes())),
      cache,
      clock,
    );
    // It waits for the first to finish (the lock), so it reads after the change and publishes last.
    const second = fresh.refresh();
    release();
    await Promise.all([first, second]);
    // Other test files change schemes of the shared database all the time, so the map is judged
    // by this scheme, and by what the second refresh read, not by a later read of every scheme.
    expect(firstRead.map((row) => row.id)).toContain(scheme.id);
    expect(secondRead.map((row) => row.id)).not.toContain(scheme.id);
    const expected = buildSnapshot(secondRead, clock.now()).contentHash;
    expect(published?.hash).toBe(expected);
    expect(stored.at(-1)?.contentHash).toBe(expected);
    const features = (JSON.parse(published!.content) as { features: { id: string }[] }).features;
    expect(features.map((feature) => feature.id)).not.toContain(scheme.id);
  });
});
