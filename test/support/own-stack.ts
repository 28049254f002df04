import type { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import type { TestApi } from './app';
import { createOwnDatabase, deleteRedisKeys, overrideEnv } from './notifications';

// For test files that run jobs: the API and the worker in this process, on a database (migrated,
// with the geography fixture) and a Redis prefix of the file's own — a worker takes every job, event
// and outbox row it finds, so it must not see other files' data. Configuration is read when the
// modules load, so they are imported only after the environment is set.

export interface OwnStack {
  api: TestApi;
  worker: INestApplicationContext;
  stop(): Promise<void>;
}

/** Starts the stack; `env` overrides configuration (crons, poll intervals, REDIS_URL…). */
export function startOwnStack(label: string, env: Record<string, string> = {}): Promise<OwnStack> {
  return start(label, env, true) as Promise<OwnStack>;
}

export type OwnApi = Omit<OwnStack, 'worker'>;

/**
 * The API alone on a database and Redis prefix of the file's own: for a file whose assertions
 * depend on what the whole database holds (searches over every scheme), without a worker whose
 * polling would add statements to the ones a test counts.
 */
export function startOwnApi(label: string, env: Record<string, string> = {}): Promise<OwnApi> {
  return start(label, env, false);
}

async function start(
  label: string,
  env: Record<string, string>,
  withWorker: boolean,
): Promise<OwnStack | OwnApi> {
  const database = await createOwnDatabase(label);
  const prefix = `${process.env.REDIS_PREFIX}_${label}`;
  const restoreEnv = overrideEnv({ DATABASE_URL: database.url, REDIS_PREFIX: prefix, ...env });
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('@app/core/database/data-source');
  const { importGeography } = await import('@app/geo/geo-import');
  // Without entities: loading them here would register the GraphQL types twice in Jest's registry.
  const geo = await new DataSource({
    ...dataSourceOptions(database.url),
    entities: [],
  }).initialize();
  await importGeography(geo, join(__dirname, '..', 'fixtures', 'geo'));
  await geo.destroy();

  const { TestApi } = await import('./app');
  const api = await TestApi.start();
  let worker: INestApplicationContext | null = null;
  if (withWorker) {
    const { NestFactory } = await import('@nestjs/core');
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  }
  return {
    api,
    ...(worker ? { worker } : {}),
    async stop() {
      await worker?.close();
      await api.stop();
      // Before restoring the environment: REDIS_URL may be the file's own server.
      await deleteRedisKeys(process.env.REDIS_URL as string, prefix);
      restoreEnv();
      await database.drop();
    },
  };
}
