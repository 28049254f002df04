import type { INestApplicationContext } from '@nestjs/common';
import type Redis from 'ioredis';
import type { OwnApi } from './support/own-stack';
import { startOwnApi } from './support/own-stack';

// GET /health/worker: 200 while a worker process beats its heartbeat, 503 when none does.

describe('GET /health/worker', () => {
  let stack: OwnApi;
  let redis: Redis;

  const startWorker = async (): Promise<INestApplicationContext> => {
    const { NestFactory } = await import('@nestjs/core');
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    return worker;
  };
  const health = () => stack.api.http.get('/health/worker');

  beforeAll(async () => {
    // A Redis prefix of its own: other files' workers must not count here.
    stack = await startOwnApi('workerhealth');
    const { REDIS } = await import('@app/core');
    redis = stack.api.app.get(REDIS);
  }, 120_000);
  afterAll(() => stack?.stop());

  it('answers 503 with no worker running, and a beat older than 30 s does not count', async () => {
    expect((await health()).status).toBe(503);
    await redis.zadd('worker-heartbeats', Date.now() - 31_000, 'gone-host:1:abcdef12');
    const response = await health();
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'error',
      error: { worker: { status: 'down', running: 0 } },
    });
    expect(await redis.zcard('worker-heartbeats')).toBe(0);
  });

  it('answers 200 while workers run, counting each, and 503 again once they stop', async () => {
    const first = await startWorker();
    const second = await startWorker();
    try {
      const response = await health();
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'ok', info: { worker: { running: 2 } } });
      await second.close();
      expect((await health()).body).toMatchObject({ info: { worker: { running: 1 } } });
    } finally {
      await first.close();
    }
    expect((await health()).status).toBe(503);
  }, 60_000);

  it('reports the outbox down once a notification has waited over a minute, up once a worker relays it', async () => {
    const { createOrganisation, registerMentor } = await import('./support/factories');
    const { DataSource } = await import('typeorm');
    const db = stack.api.app.get(DataSource);
    const admin = await stack.api.adminToken();
    const org = await createOrganisation(stack.api, admin);
    await registerMentor(stack.api, { organisationId: org.id }); // a welcome notice, not relayed
    const outbox = async () => (await health()).body.details.outbox;
    expect(await outbox()).toMatchObject({ status: 'up', unrelayed: 1 });
    await db.query(
      `UPDATE notification_outbox_pending SET created_at = now() - interval '61 seconds'`,
    );
    expect(await outbox()).toMatchObject({ status: 'down', unrelayed: 1 });
    const worker = await startWorker();
    try {
      const { eventually } = await import('./support/notifications');
      await eventually('the relay to catch up', async () => (await health()).status === 200);
      expect(await outbox()).toMatchObject({ status: 'up', unrelayed: 0 });
    } finally {
      await worker.close();
    }
  }, 60_000);

  it("leaves GET /health (the load balancer's) at 200 without a worker", async () => {
    expect((await stack.api.http.get('/health')).status).toBe(200);
  });
});
