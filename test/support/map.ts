import type { TestApi } from './app';
import { eventually } from './notifications';
import { OwnStack, startOwnStack } from './own-stack';

// The services map e2e tests: the API and the worker in this process, on a database and a Redis
// prefix of the test file's own (the worker takes every scheme_events row it finds, so it must not
// see other test files' rows), with the geography fixture loaded.

/** Keys that must never appear anywhere in the public map outputs (any depth, any case). */
export const FORBIDDEN_KEYS = [
  'email',
  'phone',
  'password',
  'passwordHash',
  'dateOfBirth',
  'birthDate',
  'firstName',
  'lastName',
  'fullName',
  'address',
  'homePostcode',
  'userId',
  'volunteerId',
  'mentorId',
  'menteeId',
  'mentor',
  'mentee',
  'mentors',
  'volunteer',
  'volunteers',
  'referral',
  'referrals',
  'referralId',
  'person',
  'nomsNumber',
  'prisonNumber',
  'crn',
  'riskLevel',
  'maxRiskLevel',
  'riskOfSeriousHarm',
  'convictions',
  'disclosure',
  'dbs',
  'requiredDbsLevel',
  'requiredBarredLists',
  'capacity',
  'activeMentees',
  'notes',
  'charityNumber',
].map((key) => key.toLowerCase());

/** Every object key in a JSON value, at any depth. */
export function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.add(key);
      keysOf(inner, found);
    }
  }
  return found;
}

export function forbiddenKeysIn(value: unknown): string[] {
  return [...keysOf(value)].filter((key) => FORBIDDEN_KEYS.includes(key.toLowerCase()));
}

export type MapStack = OwnStack;

/**
 * Starts the API and the worker for a map test file (see startOwnStack). `env` overrides
 * configuration (debounce window, rate limit, tile URL).
 */
export function startMapStack(label: string, env: Record<string, string> = {}): Promise<MapStack> {
  return startOwnStack(label, {
    JOB_BACKOFF_DELAY_MS: '100',
    MAP_EVENTS_POLL_MS: '100',
    // Nothing listens on port 9: tiles fail fast, as when offline.
    MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    ...env,
  });
}

export interface GeoJsonView {
  type: string;
  generatedAt: string;
  schemeCount: number;
  features: {
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] } | null;
    properties: Record<string, any>;
  }[];
}

/** GET /map/services.geojson (fresh: no If-None-Match). */
export async function fetchMap(api: TestApi): Promise<{ etag: string; body: GeoJsonView }> {
  const response = await api.http.get('/map/services.geojson').buffer(true).parse(jsonParser);
  if (response.status !== 200)
    throw new Error(`GET /map/services.geojson: HTTP ${response.status}`);
  return { etag: response.headers.etag as string, body: response.body as GeoJsonView };
}

/** Waits until no map rebuild is due, waiting or running (so a test starts from a settled map). */
export async function mapQueueIdle(stack: MapStack, timeoutMs = 30_000): Promise<void> {
  const { JobQueues, QueueName } = await import('@app/core/queue');
  const queue = stack.worker.get(JobQueues, { strict: false }).queue(QueueName.Map);
  await eventually(
    'the map queue to be idle',
    async () => {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
      // The 15-minute safety net always has its next run waiting (ids `repeat:…`): not a rebuild due.
      return jobs.every((job) => !job || String(job.id).startsWith('repeat:'));
    },
    timeoutMs,
  );
}

/**
 * Waits until the served map satisfies `check`. The default leaves room for a debounced rebuild
 * (map.e2e waits 6 s before one) on a loaded machine.
 */
export function eventuallyMap(
  api: TestApi,
  what: string,
  check: (map: GeoJsonView) => boolean,
  timeoutMs = 30_000,
): Promise<{ etag: string; body: GeoJsonView }> {
  return eventually(
    what,
    async () => {
      const response = await api.http.get('/map/services.geojson').buffer(true).parse(jsonParser);
      if (response.status !== 200) return null;
      const body = response.body as GeoJsonView;
      return check(body) ? { etag: response.headers.etag as string, body } : null;
    },
    timeoutMs,
  );
}

/** supertest does not parse application/geo+json by itself. */
export function jsonParser(
  response: any,
  callback: (error: Error | null, body: unknown) => void,
): void {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => {
    try {
      callback(null, text ? JSON.parse(text) : null);
    } catch (error) {
      callback(error as Error, null);
    }
  });
}
