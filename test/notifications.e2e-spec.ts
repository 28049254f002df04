import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { TestApi } from './support/app';
import {
  TestSmtpServer,
  createOwnDatabase,
  deleteRedisKeys,
  eventually,
  overrideEnv,
  sleep,
  startSmtpServer,
} from './support/notifications';

// The API and the worker run in this process against a real PostgreSQL, Redis and SMTP server.
// Configuration is read when the modules load, so they are imported after the environment is set.

const MAIL_FROM = 'Resettle Match <no-reply@resettle.test>';
const PASSWORD = 'a long and memorable passphrase';

jest.setTimeout(30_000);

describe('notifications', () => {
  let smtp: TestSmtpServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let admin: string;
  let restoreEnv: () => void;
  let dropDatabase: () => Promise<void>;
  let unique: (prefix: string) => string;
  let enqueueInTransaction: (work: (manager: EntityManager) => Promise<unknown>) => Promise<void>;
  let createMentor: (options?: {
    coordinatorsOf?: string | null;
    dedupeKey?: string;
  }) => Promise<{ id: string; email: string }>;
  let createStaff: typeof import('./support/factories').createStaff;
  let createOrganisation: typeof import('./support/factories').createOrganisation;
  const rcptAttempts = new Map<string, number>();
  let brokenAccepted = false;

  beforeAll(async () => {
    smtp = await startSmtpServer({
      reject(address) {
        const attempts = (rcptAttempts.get(address) ?? 0) + 1;
        rcptAttempts.set(address, attempts);
        if (address.startsWith('flaky') && attempts <= 2) return 'Mailbox busy, try again';
        if (address.startsWith('broken') && !brokenAccepted) return 'No such mailbox';
        return null;
      },
    });
    const database = await createOwnDatabase('notify');
    dropDatabase = database.drop;
    restoreEnv = overrideEnv({
      DATABASE_URL: database.url,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}_notify`,
      SMTP_URL: smtp.url,
      MAIL_FROM,
      APP_URL: 'https://resettle.test',
      JOB_BACKOFF_DELAY_MS: '100',
      OUTBOX_RELAY_POLL_MS: '200',
      WORKER_CONCURRENCY: '10',
    });
    const { TestApi } = await import('./support/app');
    ({ unique } = await import('./support/app'));
    ({ createStaff, createOrganisation } = await import('./support/factories'));
    const { NestFactory } = await import('@nestjs/core');
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    const { NotifyService } = await import('@app/notifications');
    const { AuthService } = await import('@app/auth');
    const { Role } = await import('@app/core');
    const typeorm = await import('typeorm');

    api = await TestApi.start();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    admin = await api.adminToken();
    dataSource = api.app.get(typeorm.DataSource);
    const notify = api.app.get(NotifyService, { strict: false });
    const auth = api.app.get(AuthService, { strict: false });

    enqueueInTransaction = (work) => dataSource.transaction(work).then(() => undefined);
    createMentor = async (options = {}) => {
      const email = `${unique(options.dedupeKey ? 'dedupe' : 'mentor')}@example.org`;
      const id = await dataSource.transaction(async (manager) => {
        const user = await auth.createAccount(manager, null, {
          email,
          password: PASSWORD,
          role: Role.MENTOR,
        });
        await notify.enqueue(manager, {
          kind: 'mentor.registered',
          recipients: [{ userId: user.id }, { coordinatorsOf: options.coordinatorsOf ?? null }],
          data: {},
          dedupeKey: options.dedupeKey ?? `mentor.registered:${user.id}`,
        });
        return user.id;
      });
      return { id, email };
    };
    const notifyService = notify;
    notifyAgain = (manager, userId, key) =>
      notifyService.enqueue(manager, {
        kind: 'mentor.registered',
        recipients: [{ userId }],
        data: {},
        dedupeKey: key,
      });
    statusChanged = (manager, userId, status) =>
      notifyService.enqueue(manager, {
        kind: 'volunteer.status_changed',
        recipients: [{ userId }],
        data: { status: status as never },
      });
  }, 60_000);

  let notifyAgain: (manager: EntityManager, userId: string, key: string) => Promise<string | null>;
  let statusChanged: (
    manager: EntityManager,
    userId: string,
    status: string,
  ) => Promise<string | null>;

  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await smtp?.close();
    await deleteRedisKeys(process.env.REDIS_URL as string, process.env.REDIS_PREFIX as string);
    restoreEnv?.();
    await dropDatabase?.();
  });

  const MY_NOTIFICATIONS =
    'query($unreadOnly: Boolean) { myNotifications(unreadOnly: $unreadOnly) { id kind subject body createdAt readAt } }';
  const MARK_READ = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';

  async function deliveries(
    userId: string,
  ): Promise<{ channel: string; status: string; failures: number }[]> {
    return dataSource.query(
      `SELECT channel, status, failures FROM notification_deliveries WHERE user_id = $1 ORDER BY channel`,
      [userId],
    );
  }

  it('emails a plain-language welcome to a new mentor and lists it in their notifications', async () => {
    const mentor = await createMentor();
    const [mail] = await eventually(
      'the welcome email',
      async () => smtp.to(mentor.email).length > 0 && smtp.to(mentor.email),
    );
    expect(mail.from).toBe('no-reply@resettle.test');
    expect(mail.subject).toBe('Welcome to Resettle Match');
    expect(mail.text).toContain('Thank you for applying to be a volunteer mentor.');
    expect(mail.text).toContain(
      'Sign in to Resettle Match at https://resettle.test to see how your application is going.',
    );
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}\.[0-9a-f-]{36}\.email@resettle\.test>$/);

    const token = await api.login(mentor.email, PASSWORD);
    const listed = await eventually('the in-app notification', async () => {
      const data = await api.ok<{
        myNotifications: {
          id: string;
          kind: string;
          subject: string;
          body: string;
          readAt: string | null;
        }[];
      }>(MY_NOTIFICATIONS, {}, token);
      return data.myNotifications.length > 0 && data.myNotifications;
    });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      kind: 'mentor.registered',
      subject: 'Welcome to Resettle Match',
      readAt: null,
    });
    expect(listed[0].body).toBe(mail.text);
    // In-app delivery is proven by the notification row itself (unique per outbox row and person).
    expect(await deliveries(mentor.id)).toEqual([
      { channel: 'EMAIL', status: 'DELIVERED', failures: 0 },
    ]);

    const marked = await api.ok<{ markNotificationRead: { id: string; readAt: string } }>(
      MARK_READ,
      { id: listed[0].id },
      token,
    );
    expect(marked.markNotificationRead.readAt).toEqual(expect.any(String));
    const unread = await api.ok<{ myNotifications: unknown[] }>(
      MY_NOTIFICATIONS,
      { unreadOnly: true },
      token,
    );
    expect(unread.myNotifications).toEqual([]);
    const all = await api.ok<{ myNotifications: unknown[] }>(
      MY_NOTIFICATIONS,
      { unreadOnly: false },
      token,
    );
    expect(all.myNotifications).toHaveLength(1);
  });

  it("tells the organisation's coordinators about a new application, without naming anyone", async () => {
    const org = await createOrganisation(api, admin);
    const coordinators = await Promise.all([
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }),
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }),
    ]);
    const otherOrg = await createOrganisation(api, admin);
    const outsider = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
    const mentor = await createMentor({ coordinatorsOf: org.id });
    for (const coordinator of coordinators) {
      const [mail] = await eventually(
        'the coordinator email',
        async () => smtp.to(coordinator.email).length > 0 && smtp.to(coordinator.email),
      );
      expect(mail.subject).toBe('New mentor application');
      expect(mail.text).toContain(
        'Someone has applied to be a volunteer mentor with your organisation.',
      );
      expect(mail.text).not.toContain(mentor.email);
      const subjects = await eventually('the in-app notification', async () => {
        const data = await api.ok<{ myNotifications: { subject: string }[] }>(
          MY_NOTIFICATIONS,
          {},
          coordinator.token,
        );
        return data.myNotifications.length > 0 && data.myNotifications.map((n) => n.subject);
      });
      expect(subjects).toEqual(['New mentor application']);
    }
    await eventually('the mentor email', async () => smtp.to(mentor.email).length > 0);
    expect(smtp.to(outsider.email)).toEqual([]);
  });

  it('lets only the recipient read or mark a notification; anyone else gets NOT_FOUND', async () => {
    const mentor = await createMentor();
    const token = await api.login(mentor.email, PASSWORD);
    const [notification] = await eventually('the in-app notification', async () => {
      const data = await api.ok<{ myNotifications: { id: string }[] }>(MY_NOTIFICATIONS, {}, token);
      return data.myNotifications.length > 0 && data.myNotifications;
    });
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    for (const other of [coordinator.token, admin]) {
      const result = await api.gql(MARK_READ, { id: notification.id }, other);
      expect(result.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const theirs = await api.ok<{ myNotifications: { id: string }[] }>(
        MY_NOTIFICATIONS,
        {},
        other,
      );
      expect(theirs.myNotifications.map((n) => n.id)).not.toContain(notification.id);
    }
    const anonymous = await api.gql(MY_NOTIFICATIONS, {});
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const still = await api.ok<{ myNotifications: { readAt: string | null }[] }>(
      MY_NOTIFICATIONS,
      {},
      token,
    );
    expect(still.myNotifications[0].readAt).toBeNull();
  });

  it('sends nothing for a rolled-back change, and once for a repeated dedupe key', async () => {
    const before: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM notification_outbox',
    );
    await expect(
      enqueueInTransaction(async (manager) => {
        const admins: { id: string }[] = await manager.query(
          `SELECT id FROM users WHERE role = 'ADMIN' LIMIT 1`,
        );
        await notifyAgain(manager, admins[0].id, unique('rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after: { n: number }[] = await dataSource.query(
      'SELECT count(*)::int AS n FROM notification_outbox',
    );
    expect(after[0].n).toBe(before[0].n);

    const mentor = await createMentor();
    const key = unique('once');
    const ids: (string | null)[] = [];
    await enqueueInTransaction(async (manager) =>
      ids.push(await notifyAgain(manager, mentor.id, key)),
    );
    await enqueueInTransaction(async (manager) =>
      ids.push(await notifyAgain(manager, mentor.id, key)),
    );
    expect(ids[0]).toEqual(expect.any(String));
    expect(ids[1]).toBeNull();
    await eventually(
      'both emails (registration and the deduplicated one)',
      async () => smtp.to(mentor.email).length >= 2,
    );
    await sleep(500);
    expect(smtp.to(mentor.email)).toHaveLength(2);
  });

  it('tells a mentor their status changed, in plain words and without the reason', async () => {
    const mentor = await createMentor();
    await eventually('the welcome', async () => smtp.to(mentor.email).length === 1);
    await enqueueInTransaction((manager) => statusChanged(manager, mentor.id, 'APPROVED'));
    const mail = await eventually('the status email', async () => smtp.to(mentor.email)[1]);
    expect(mail.subject).toBe('An update on your mentor application');
    expect(mail.text).toContain('Your application has been approved.');
  });

  describe('preferences', () => {
    const UPDATE = `mutation($input: UpdateNotificationPreferencesInput!) {
      updateNotificationPreferences(input: $input) { emailEnabled smsEnabled phoneNumber }
    }`;

    it('stores a UK mobile number in E.164 and refuses anything else', async () => {
      const mentor = await createMentor();
      const token = await api.login(mentor.email, PASSWORD);
      const defaults = await api.ok(
        '{ myNotificationPreferences { emailEnabled smsEnabled phoneNumber } }',
        {},
        token,
      );
      expect(defaults.myNotificationPreferences).toEqual({
        emailEnabled: true,
        smsEnabled: false,
        phoneNumber: null,
      });

      const noPhone = await api.gql(UPDATE, { input: { smsEnabled: true } }, token);
      expect(noPhone.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.smsEnabled' }],
      });
      for (const bad of ['0113 496 0000', '+33 6 12 34 56 78', '07400 1234', 'call me']) {
        const result = await api.gql(UPDATE, { input: { phoneNumber: bad } }, token);
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'input.phoneNumber' }],
        });
      }
      const saved = await api.ok(
        UPDATE,
        { input: { phoneNumber: '07400 123456', smsEnabled: true } },
        token,
      );
      expect(saved.updateNotificationPreferences).toEqual({
        emailEnabled: true,
        smsEnabled: true,
        phoneNumber: '+447400123456',
      });
      const international = await api.ok(
        UPDATE,
        { input: { phoneNumber: '+44 (0)7400-123457' } },
        token,
      );
      expect(international.updateNotificationPreferences.phoneNumber).toBe('+447400123457');
      const again = await api.ok(
        '{ myNotificationPreferences { smsEnabled phoneNumber } }',
        {},
        token,
      );
      expect(again.myNotificationPreferences).toEqual({
        smsEnabled: true,
        phoneNumber: '+447400123457',
      });
      const cleared = await api.ok(UPDATE, { input: { phoneNumber: null } }, token);
      expect(cleared.updateNotificationPreferences).toEqual({
        emailEnabled: true,
        smsEnabled: false,
        phoneNumber: null,
      });
    });

    it('sends no email to someone who turned email off, but still notifies them in the app', async () => {
      const mentor = await createMentor();
      await eventually('the welcome', async () => smtp.to(mentor.email).length === 1);
      const token = await api.login(mentor.email, PASSWORD);
      await api.ok(UPDATE, { input: { emailEnabled: false } }, token);
      await enqueueInTransaction((manager) => statusChanged(manager, mentor.id, 'VETTING'));
      await eventually('the in-app notification', async () => {
        const data = await api.ok<{ myNotifications: unknown[] }>(MY_NOTIFICATIONS, {}, token);
        return data.myNotifications.length === 2;
      });
      await sleep(300);
      expect(smtp.to(mentor.email)).toHaveLength(1);
    });
  });

  describe('failures', () => {
    async function mentorWithEmail(prefix: string): Promise<{ id: string; email: string }> {
      const email = `${unique(prefix)}@example.org`;
      const { AuthService } = await import('@app/auth');
      const { NotifyService } = await import('@app/notifications');
      const auth = api.app.get(AuthService, { strict: false });
      const notify = api.app.get(NotifyService, { strict: false });
      const id = await dataSource.transaction(async (manager) => {
        const user = await auth.createAccount(manager, null, {
          email,
          password: PASSWORD,
          role: 'MENTOR' as never,
        });
        await notify.enqueue(manager, {
          kind: 'mentor.registered',
          recipients: [{ userId: user.id }],
          data: {},
        });
        return user.id;
      });
      return { id, email };
    }

    it('retries a channel that fails twice and delivers it once, without repeating the others', async () => {
      const mentor = await mentorWithEmail('flaky');
      await eventually(
        'the email on the third attempt',
        async () => smtp.to(mentor.email).length === 1,
      );
      await eventually(
        'the delivery record',
        async () =>
          (await deliveries(mentor.id)).find((d) => d.channel === 'EMAIL')?.status === 'DELIVERED',
      );
      expect(rcptAttempts.get(mentor.email)).toBe(3);
      expect(await deliveries(mentor.id)).toEqual([
        { channel: 'EMAIL', status: 'DELIVERED', failures: 2 },
      ]);
      const inApp: { n: number }[] = await dataSource.query(
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1',
        [mentor.id],
      );
      expect(inApp[0].n).toBe(1);
    });

    it('lists a channel that always fails for ADMINs, and delivers it when an ADMIN retries', async () => {
      const mentor = await mentorWithEmail('broken');
      const FAILED = `query($after: String) { failedDeliveries(first: 100, after: $after) {
        totalCount edges { node { id kind channel status recipientUserId failures lastError } } } }`;
      const failed = await eventually('the failed delivery', async () => {
        const data = await api.ok<{
          failedDeliveries: { edges: { node: Record<string, unknown> }[] };
        }>(FAILED, {}, admin);
        return data.failedDeliveries.edges
          .map((e) => e.node)
          .find((n) => n.recipientUserId === mentor.id);
      });
      expect(failed).toMatchObject({
        kind: 'mentor.registered',
        channel: 'EMAIL',
        status: 'FAILED',
        failures: 3,
      });
      expect(failed.lastError).toContain('No such mailbox');
      expect(smtp.to(mentor.email)).toEqual([]);

      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      const RETRY = 'mutation($id: ID!) { retryDelivery(id: $id) { id status } }';
      expect((await api.gql(FAILED, {}, coordinator.token)).errors?.[0].extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await api.gql(RETRY, { id: failed.id }, coordinator.token)).errors?.[0].extensions.code,
      ).toBe('FORBIDDEN');
      const status = await api.ok<{ notificationOutbox: { failedDeliveries: number } }>(
        '{ notificationOutbox { unrelayed oldestUnrelayedAt failedDeliveries } }',
        {},
        admin,
      );
      expect(status.notificationOutbox.failedDeliveries).toBeGreaterThanOrEqual(1);

      brokenAccepted = true;
      const retried = await api.ok<{ retryDelivery: { id: string; status: string } }>(
        RETRY,
        { id: failed.id },
        admin,
      );
      expect(retried.retryDelivery).toEqual({ id: failed.id, status: 'PENDING' });
      const again = await api.gql(RETRY, { id: failed.id }, admin);
      expect(again.errors?.[0].extensions.code).toBe('NOT_FOUND');

      const [mail] = await eventually(
        'the retried email',
        async () => smtp.to(mentor.email).length > 0 && smtp.to(mentor.email),
      );
      expect(mail.subject).toBe('Welcome to Resettle Match');
      await eventually(
        'the delivery record',
        async () =>
          (await deliveries(mentor.id)).find((d) => d.channel === 'EMAIL')?.status === 'DELIVERED',
      );
      const inApp: { n: number }[] = await dataSource.query(
        'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1',
        [mentor.id],
      );
      expect(inApp[0].n).toBe(1);
      const after = await api.ok<{ failedDeliveries: { edges: { node: { id: string } }[] } }>(
        FAILED,
        {},
        admin,
      );
      expect(after.failedDeliveries.edges.map((e) => e.node.id)).not.toContain(failed.id);
      const audit: { action: string }[] = await dataSource.query(
        'SELECT action FROM audit_events WHERE entity_id = $1',
        [failed.id],
      );
      expect(audit).toEqual([{ action: 'notification.delivery_retried' }]);
    });
  });

  describe('retention', () => {
    const DAY_MS = 24 * 3600 * 1000;
    let clock: import('@app/core').Clock;

    beforeAll(async () => {
      const { Clock } = await import('@app/core');
      clock = worker.get(Clock);
    });
    afterEach(() => clock.set(null));

    const outboxRow = async (id: string) =>
      (
        (await dataSource.query('SELECT id FROM notification_outbox WHERE id = $1', [id])) as {
          id: string;
        }[]
      ).length;

    it('registers the daily outbox purge on the configured schedule, UK time', async () => {
      const { JobQueues, QueueName, JobName } = await import('@app/core/queue');
      const { NotificationSchedules } = await import('@app/notifications');
      await worker.get(NotificationSchedules).registered;
      const schedulers = await worker
        .get(JobQueues)
        .queue(QueueName.Notifications)
        .getJobSchedulers();
      expect(
        schedulers.map((s) => ({ key: s.key, name: s.name, pattern: s.pattern, tz: s.tz })),
      ).toEqual([
        {
          key: 'notification.purge-outbox.daily',
          name: JobName.PurgeNotificationOutbox,
          pattern: '30 3 * * *',
          tz: 'Europe/London',
        },
      ]);
    });

    it('deletes finished outbox rows OUTBOX_RETENTION_DAYS (90) after they were written, never unfinished ones, and keeps in-app notifications', async () => {
      const { OutboxRetention } = await import('@app/notifications');
      const { JobQueues, JobName } = await import('@app/core/queue');
      const mentor = await createMentor();
      const [{ id: outboxId }]: { id: string }[] = await dataSource.query(
        'SELECT id FROM notification_outbox WHERE dedupe_key = $1',
        [`mentor.registered:${mentor.id}`],
      );
      await eventually('the notification to be finished', async () => {
        const pending: unknown[] = await dataSource.query(
          'SELECT 1 FROM notification_outbox_pending WHERE outbox_id = $1',
          [outboxId],
        );
        return pending.length === 0 && (await deliveries(mentor.id)).length === 1;
      });
      // A row still being worked on (relayed, its job in flight), written as long ago.
      const [{ id: unfinished }]: { id: string }[] = await dataSource.query(
        `WITH o AS (
           INSERT INTO notification_outbox (kind, recipients, data) VALUES ('mentor.registered', $1::jsonb, '{}')
           RETURNING id
         ), p AS (
           INSERT INTO notification_outbox_pending (outbox_id, relayed_at) SELECT id, now() FROM o
         )
         SELECT id FROM o`,
        [JSON.stringify([{ userId: mentor.id, audience: 'direct' }])],
      );
      const retention = worker.get(OutboxRetention);

      clock.set(new Date(Date.now() + 89 * DAY_MS));
      await retention.purge();
      expect(await outboxRow(outboxId)).toBe(1);

      // Thirty-one days on, the daily job (run here as a real job) deletes it with its email record.
      clock.set(new Date(Date.now() + 91 * DAY_MS));
      await worker.get(JobQueues).add(JobName.PurgeNotificationOutbox, { payload: { v: 1 } });
      await eventually('the purge', async () => (await outboxRow(outboxId)) === 0);
      expect(await deliveries(mentor.id)).toEqual([]);
      expect(await outboxRow(unfinished)).toBe(1);
      const token = await api.login(mentor.email, PASSWORD);
      const listed = await api.ok<{ myNotifications: { subject: string }[] }>(
        MY_NOTIFICATIONS,
        {},
        token,
      );
      expect(listed.myNotifications.map((n) => n.subject)).toEqual(['Welcome to Resettle Match']);
      // Run again (a late or repeated run): the unfinished row still stays.
      await retention.purge();
      expect(await outboxRow(unfinished)).toBe(1);
      await dataSource.query('DELETE FROM notification_outbox WHERE id = $1', [unfinished]);
    });
  });

  describe('queue dashboard', () => {
    it('is only for ADMINs', async () => {
      expect((await api.http.get('/admin/queues')).status).toBe(401);
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      expect(
        (await api.http.get('/admin/queues').set('authorization', `Bearer ${coordinator.token}`))
          .status,
      ).toBe(403);
      const page = await api.http.get('/admin/queues').set('authorization', `Bearer ${admin}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html');
      const queues = await api.http
        .get('/admin/queues/api/queues')
        .set('authorization', `Bearer ${admin}`);
      expect(queues.status).toBe(200);
      expect(JSON.stringify(queues.body)).toContain('notifications');
      expect((await api.http.get('/admin/queues/api/queues')).status).toBe(401);
    });

    it('lets a browser sign in once with ?token= and then uses a cookie', async () => {
      const redirect = await api.http.get(`/admin/queues?token=${admin}`);
      expect(redirect.status).toBe(303);
      expect(redirect.headers.location).toBe('/admin/queues');
      const cookie = String(redirect.headers['set-cookie']).split(';')[0];
      expect((await api.http.get('/admin/queues').set('cookie', cookie)).status).toBe(200);
    });
  });
});
