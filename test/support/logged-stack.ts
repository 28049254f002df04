import type { INestApplicationContext } from '@nestjs/common';
import { join } from 'node:path';
import type { TestApi } from './app';
import type { TestSmtpServer } from './notifications';
import { createOwnDatabase, deleteRedisKeys, overrideEnv, startSmtpServer } from './notifications';

// For tests that search the logs for what must never be in them: the API as main.ts builds it
// (with its logger; TestApi.start turns logging off) and a worker, both logging at trace, on a
// database (migrated, with the geography fixture) and a Redis prefix of the file's own, with a
// real SMTP server. Under Jest pino writes to process.stdout: everything written is kept in
// `written`, not passed on (trace logs would flood the test output; Jest's own goes to stderr).

export interface LoggedStack {
  api: TestApi;
  worker: INestApplicationContext;
  smtp: TestSmtpServer;
  /** Every chunk written to stdout since the stack started. */
  written: string[];
  /** The Redis prefix of this stack's keys. */
  prefix: string;
  stop(): Promise<void>;
}

export async function startLoggedStack(
  label: string,
  env: Record<string, string> = {},
  smtpOptions: Parameters<typeof startSmtpServer>[0] = {},
): Promise<LoggedStack> {
  const written: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(((
    chunk: unknown,
    ...rest: unknown[]
  ) => {
    written.push(String(chunk));
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stdout.write);

  const smtp = await startSmtpServer(smtpOptions);
  const database = await createOwnDatabase(label);
  const prefix = `${process.env.REDIS_PREFIX}_${label}`;
  const restoreEnv = overrideEnv({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'trace',
    SMTP_URL: smtp.url,
    OUTBOX_RELAY_POLL_MS: '200',
    JOB_BACKOFF_DELAY_MS: '100',
    ...env,
  });
  const typeorm = await import('typeorm');
  const { dataSourceOptions } = await import('@app/core/database/data-source');
  const { importGeography } = await import('@app/geo/geo-import');
  // Without entities: loading them here would register the GraphQL types twice in Jest's registry.
  const geo = await new typeorm.DataSource({
    ...dataSourceOptions(database.url),
    entities: [],
  }).initialize();
  await importGeography(geo, join(__dirname, '..', 'fixtures', 'geo'));
  await geo.destroy();

  const app = await import('./app');
  const { createApp } = await import('../../apps/api/src/create-app');
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const api = new (app.TestApi as unknown as new (nest: unknown) => TestApi)(await createApp());
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  await worker.init();
  return {
    api,
    worker,
    smtp,
    written,
    prefix,
    async stop() {
      await worker.close();
      await api.stop();
      await smtp.close();
      // Before restoring the environment: REDIS_URL may be the file's own server.
      await deleteRedisKeys(process.env.REDIS_URL as string, prefix);
      restoreEnv();
      await database.drop();
      stdout.mockRestore();
    },
  };
}
