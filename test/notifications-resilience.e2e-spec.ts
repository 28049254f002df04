import { dataSourceOptions } from '@app/core/database/data-source';
import { DataSource } from 'typeorm';
import {
  PrivateRedis,
  TestSmtpServer,
  WorkerProcess,
  createOwnDatabase,
  deleteRedisKeys,
  eventually,
  sleep,
  startSmtpServer,
} from './support/notifications';

// Worker processes started as deployed (apps/worker/src/main.ts), killed and restarted, against a
// database of this file's own. Notifications are promised the way domain code does it: an outbox
// row written by NotifyService inside a transaction.

jest.setTimeout(90_000);

type Enqueue = (userId: string, key: string) => Promise<string | null>;

describe('notifications through outages and crashes', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let enqueue: Enqueue;
  let backlog: () => Promise<{ unrelayed: number }>;
  const workers: WorkerProcess[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    database = await createOwnDatabase('resilience');
    dataSource = await new DataSource({
      ...dataSourceOptions(database.url),
      entities: [],
    }).initialize();
    const { NotifyService } = await import('@app/notifications/notify.service');
    const { NotificationOutboxRepository } =
      await import('@app/notifications/notification-outbox.repository');
    const outbox = new NotificationOutboxRepository(dataSource);
    const notify = new NotifyService(outbox);
    enqueue = (userId, key) =>
      dataSource.transaction((manager) =>
        notify.enqueue(manager, {
          kind: 'mentor.registered',
          recipients: [{ userId }],
          data: {},
          dedupeKey: key,
        }),
      );
    backlog = () => outbox.backlog();
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await dataSource?.destroy();
    await database?.drop();
    for (const prefix of prefixes) await deleteRedisKeys(process.env.REDIS_URL as string, prefix);
  });

  function startWorker(env: Record<string, string>): WorkerProcess {
    const worker = WorkerProcess.start({
      DATABASE_URL: database.url,
      MAIL_FROM: 'Resettle Match <no-reply@resettle.test>',
      JOB_BACKOFF_DELAY_MS: '100',
      OUTBOX_RELAY_POLL_MS: '200',
      JOB_LOCK_DURATION_MS: '2000',
      JOB_STALLED_INTERVAL_MS: '1000',
      WORKER_SHUTDOWN_GRACE_MS: '10000',
      LOG_LEVEL: 'warn',
      ...env,
    });
    workers.push(worker);
    return worker;
  }

  function ownPrefix(label: string): string {
    const prefix = `${process.env.REDIS_PREFIX}_${label}`;
    prefixes.push(prefix);
    return prefix;
  }

  async function createMentors(
    count: number,
    label: string,
  ): Promise<{ id: string; email: string }[]> {
    const emails = Array.from(
      { length: count },
      (_, i) => `${label}-${i}-${Date.now().toString(36)}@example.org`,
    );
    return dataSource.query(
      `INSERT INTO users (email, password_hash, role) SELECT e, 'not-a-hash', 'MENTOR' FROM unnest($1::text[]) AS e RETURNING id, email`,
      [emails],
    );
  }

  async function inAppCount(outboxIds: string[]): Promise<number> {
    const [row]: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM notifications WHERE outbox_id = ANY($1::uuid[])',
      [outboxIds],
    );
    return row.n;
  }

  /**
   * Every outbox row has exactly one in-app notification (its own proof of delivery) and, for each
   * of `channels` (email, SMS), exactly one delivery row, DELIVERED.
   */
  async function expectExactlyOnce(outboxIds: string[], channels: string[]): Promise<void> {
    const rows: { outbox_id: string; channel: string; n: number; delivered: number }[] =
      await dataSource.query(
        `SELECT outbox_id, channel, count(*)::int AS n, count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered
       FROM notification_deliveries WHERE outbox_id = ANY($1::uuid[]) GROUP BY outbox_id, channel`,
        [outboxIds],
      );
    expect(rows).toHaveLength(outboxIds.length * channels.length);
    expect(rows.filter((row) => row.n !== 1 || row.delivered !== 1)).toEqual([]);
    const inApp: { outbox_id: string; n: number }[] = await dataSource.query(
      `SELECT outbox_id, count(*)::int AS n FROM notifications WHERE outbox_id = ANY($1::uuid[]) GROUP BY outbox_id`,
      [outboxIds],
    );
    expect(inApp).toHaveLength(outboxIds.length);
    expect(inApp.filter((row) => row.n !== 1)).toEqual([]);
  }

  /** How many emails arrived per outbox row (the Message-ID starts with the outbox id). */
  function emailsPerOutbox(smtp: TestSmtpServer, outboxIds: string[]): Map<string, number> {
    const counts = new Map(outboxIds.map((id) => [id, 0]));
    for (const mail of smtp.mails) {
      const id = mail.messageId.slice(1, 37);
      if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  it('accepts notifications while Redis is unreachable and delivers them once it is back', async () => {
    const redis = await PrivateRedis.start();
    try {
      const [warmUp, ...mentors] = await createMentors(21, 'outage');
      const worker = startWorker({ REDIS_URL: redis.url, REDIS_PREFIX: ownPrefix('outage') });
      const first = (await enqueue(warmUp.id, `outage-warm-${warmUp.id}`)) as string;
      await eventually(
        'the worker to deliver a first notification',
        async () => (await inAppCount([first])) === 1,
        45_000,
      );

      await redis.stop();
      const ids = await Promise.all(
        mentors.map((mentor) => enqueue(mentor.id, `outage-${mentor.id}`)),
      );
      expect(ids.every((id) => typeof id === 'string')).toBe(true);
      const promised = ids as string[];
      await sleep(1500);
      expect(await inAppCount(promised)).toBe(0);
      expect((await backlog()).unrelayed).toBeGreaterThanOrEqual(promised.length);

      await redis.start();
      await eventually(
        'every notification after Redis returned',
        async () => (await inAppCount(promised)) === promised.length,
        30_000,
      );
      await expectExactlyOnce(promised, []);
      expect((await backlog()).unrelayed).toBe(0);
      worker.signal('SIGTERM');
      await worker.exited;
    } finally {
      await redis.stop();
    }
  });

  it('finishes what a SIGKILLed worker was doing after a restart, delivering each notification once', async () => {
    const smtp = await startSmtpServer({ delayMs: 25 });
    try {
      const env = {
        REDIS_URL: process.env.REDIS_URL as string,
        REDIS_PREFIX: ownPrefix('kill'),
        SMTP_URL: smtp.url,
        WORKER_CONCURRENCY: '8',
      };
      const mentors = await createMentors(40, 'kill');
      const promised: string[] = [];
      for (const mentor of mentors) {
        for (let n = 0; n < 4; n += 1)
          promised.push((await enqueue(mentor.id, `kill-${mentor.id}-${n}`)) as string);
      }
      const first = startWorker(env);
      await eventually(
        'the worker to be half-way through',
        async () => smtp.mails.length >= 30,
        45_000,
      );
      first.signal('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const doneBeforeRestart = await inAppCount(promised);
      expect(doneBeforeRestart).toBeLessThan(promised.length);

      const second = startWorker(env);
      await eventually(
        'every notification after the restart',
        async () => {
          const [row]: { n: number }[] = await dataSource.query(
            `SELECT count(*)::int AS n FROM notification_outbox o WHERE o.id = ANY($1::uuid[])
             AND NOT EXISTS (SELECT 1 FROM notification_outbox_pending p WHERE p.outbox_id = o.id)`,
            [promised],
          );
          return row.n === promised.length;
        },
        60_000,
      );
      await expectExactlyOnce(promised, ['EMAIL']);
      const perOutbox = emailsPerOutbox(smtp, promised);
      expect([...perOutbox.values()].filter((n) => n === 0)).toEqual([]);
      // An email the SMTP server accepted in the instant before the kill, which the worker had not
      // yet recorded, is the one thing that can repeat: at most one per job in flight.
      const repeated = [...perOutbox.values()].filter((n) => n > 1).length;
      expect(repeated).toBeLessThanOrEqual(8);
      second.signal('SIGTERM');
      await second.exited;
    } finally {
      await smtp.close();
    }
  });

  it('lets jobs in flight finish on SIGTERM, so nothing is repeated after a restart', async () => {
    const smtp = await startSmtpServer({ delayMs: 100 });
    try {
      const env = {
        REDIS_URL: process.env.REDIS_URL as string,
        REDIS_PREFIX: ownPrefix('term'),
        SMTP_URL: smtp.url,
        WORKER_CONCURRENCY: '5',
      };
      const mentors = await createMentors(60, 'term');
      const promised: string[] = [];
      for (const mentor of mentors)
        promised.push((await enqueue(mentor.id, `term-${mentor.id}`)) as string);
      const first = startWorker(env);
      await eventually('the worker to be busy', async () => smtp.mails.length >= 10, 45_000);
      first.signal('SIGTERM');
      const exit = await first.exited;
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      // Every email sent before the stop has been recorded: nothing was left half-done.
      const [recorded]: { n: number }[] = await dataSource.query(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE outbox_id = ANY($1::uuid[]) AND channel = 'EMAIL' AND status = 'DELIVERED'`,
        [promised],
      );
      expect(recorded.n).toBe(smtp.mails.length);
      expect(recorded.n).toBeLessThan(promised.length);

      const second = startWorker(env);
      await eventually(
        'every notification after the restart',
        async () => smtp.mails.length >= promised.length,
        60_000,
      );
      await eventually(
        'every delivery recorded',
        async () => (await inAppCount(promised)) === promised.length,
      );
      await sleep(300);
      await expectExactlyOnce(promised, ['EMAIL']);
      expect([...emailsPerOutbox(smtp, promised).values()].filter((n) => n !== 1)).toEqual([]);
      second.signal('SIGTERM');
      await second.exited;
    } finally {
      await smtp.close();
    }
  });
});
