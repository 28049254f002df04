import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestApi } from './app';
import { deleteRedisKeys, eventually, overrideEnv } from './notifications';

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

export interface MapStack {
  api: TestApi;
  worker: INestApplicationContext;
  stop(): Promise<void>;
}

/**
 * Starts the API and the worker for a map test file. `env` overrides configuration (debounce
 * window, rate limit, tile URL); the database and Redis prefix are the file's own.
 */
export async function startMapStack(
  label: string,
  env: Record<string, string> = {},
): Promise<MapStack> {
  const server = process.env.TEST_DATABASE_SERVER as string;
  const name = `resettle_test_${process.env.TEST_RUN_ID}_${label}_${randomBytes(2).toString('hex')}`;
  const prefix = `${process.env.REDIS_PREFIX}_${label}`;
  const restoreEnv = overrideEnv({
    DATABASE_URL: `${server}/${name}`,
    REDIS_PREFIX: prefix,
    JOB_BACKOFF_DELAY_MS: '100',
    MAP_EVENTS_POLL_MS: '100',
    // Nothing listens on port 9: tiles fail fast, as when offline.
    MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    ...env,
  });
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const { dataSourceOptions } = await import('@app/core/database/data-source');
  const { importGeography } = await import('@app/geo/geo-import');
  const { DataSource } = await import('typeorm');
  // Without entities: loading them here would register the GraphQL types twice in Jest's registry.
  const setup = await new DataSource({
    ...dataSourceOptions(`${server}/${name}`),
    entities: [],
  }).initialize();
  await setup.runMigrations({ transaction: 'each' });
  await importGeography(setup, join(__dirname, '..', 'fixtures', 'geo'));
  await setup.destroy();

  const { TestApi } = await import('./app');
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const api = await TestApi.start();
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  return {
    api,
    worker,
    async stop() {
      await worker.close();
      await api.stop();
      await deleteRedisKeys(process.env.REDIS_URL as string, prefix);
      restoreEnv();
      const client = new Client({ connectionString: `${server}/postgres` });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
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

/** Waits until the served map satisfies `check`. */
export function eventuallyMap(
  api: TestApi,
  what: string,
  check: (map: GeoJsonView) => boolean,
  timeoutMs = 15_000,
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
