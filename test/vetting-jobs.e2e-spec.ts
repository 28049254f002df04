import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TestApi } from './support/app';
import { eventually } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

// The daily vetting jobs, with the API and the worker in this process against a database of this
// file's own (the jobs sweep the whole database, so no other test file's checks are in it). Time
// is moved with the controllable clock, not waited for. Configuration is read when the modules
// load, so they are imported after the environment is set.

jest.setTimeout(60_000);

const CRON = '0 3 1 1 *';

describe('vetting jobs: re-check reminders, expiry and the notes purge', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let stack: OwnStack;
  let workerClock: import('@app/core').Clock;
  let sweep: () => Promise<unknown>;
  let purge: () => Promise<unknown>;
  let support: typeof import('./support/vetting');
  let factories: typeof import('./support/factories');
  let admin: string;
  let org: { id: string };
  let coordinator: { id: string; token: string };
  let otherCoordinator: { id: string; token: string };

  beforeAll(async () => {
    stack = await startOwnStack('vetting', {
      VETTING_JOBS_CRON: CRON,
      OUTBOX_RELAY_POLL_MS: '200',
    });
    ({ api, worker } = stack);
    const typeorm = await import('typeorm');

    const { Clock } = await import('@app/core');
    const { VettingExpiry, NotesRetention } = await import('@app/vetting');
    support = await import('./support/vetting');
    factories = await import('./support/factories');

    db = api.app.get(typeorm.DataSource);
    workerClock = worker.get(Clock);
    sweep = () => worker.get(VettingExpiry).sweep();
    purge = () => worker.get(NotesRetention).purge();
    admin = await api.adminToken();
    org = await factories.createOrganisation(api, admin);
    coordinator = await factories.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const otherOrg = await factories.createOrganisation(api, admin);
    otherCoordinator = await factories.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
  }, 90_000);

  afterEach(() => workerClock?.set(null));

  afterAll(async () => {
    await stack?.stop();
  });

  const MY_NOTIFICATIONS = '{ myNotifications { kind subject body } }';
  const notificationsOf = async (token: string, kind: string) =>
    (
      await api.ok<{ myNotifications: { kind: string; subject: string; body: string }[] }>(
        MY_NOTIFICATIONS,
        {},
        token,
      )
    ).myNotifications.filter((n) => n.kind === kind);
  const reminders = async (checkId: string) =>
    (await support.outboxRowsFor(api, 'vetting.expiring', checkId)).map(
      (row) => row.data.daysBefore,
    );
  const at = async (day: string, run: () => Promise<unknown> = sweep) => {
    workerClock.set(`${day}T06:00:00Z`);
    await run();
  };

  it('registers both daily jobs as repeatable BullMQ jobs on the configured schedule, UK time', async () => {
    const { JobQueues, QueueName, JobName } = await import('@app/core/queue');
    const { VettingSchedules } = await import('@app/vetting');
    // Registered in the background at start-up, so a worker starts even while Redis is away.
    await worker.get(VettingSchedules).registered;
    const schedulers = await worker.get(JobQueues).queue(QueueName.Vetting).getJobSchedulers();
    expect(
      schedulers
        .map((s) => ({ key: s.key, name: s.name, pattern: s.pattern, tz: s.tz }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual([
      {
        key: 'vetting.purge-notes.daily',
        name: JobName.PurgeVettingNotes,
        pattern: CRON,
        tz: 'Europe/London',
      },
      {
        key: 'vetting.sweep-expiry.daily',
        name: JobName.SweepVettingExpiry,
        pattern: CRON,
        tz: 'Europe/London',
      },
    ]);
  });

  it('reminds the coordinators 60, 30 and 7 days before the re-check date, each once, even run twice or late; then expires the check the day after it', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, org.id);
    // Issued 1 March 2026; the organisation re-checks after 3 years: re-check date 1 March 2029.
    const check = await support.completeCheck(api, coordinator.token, volunteerId, {
      kind: 'DBS',
      dbsLevel: 'BASIC',
      issuedOn: '2026-03-01',
    });
    expect(check.expiresOn).toBe('2029-03-01');

    await at('2028-12-30');
    expect(await reminders(check.id)).toEqual([]);
    await at('2028-12-31'); // 60 days before
    await at('2028-12-31'); // the same day again
    await at('2029-01-15');
    expect(await reminders(check.id)).toEqual([60]);
    await at('2029-01-30'); // 30 days before
    await at('2029-01-30');
    expect(await reminders(check.id)).toEqual([60, 30]);
    // The run 7 days before was missed; the next one, 3 days before, sends the 7-day reminder.
    await at('2029-02-26');
    await at('2029-02-28');
    expect(await reminders(check.id)).toEqual([60, 30, 7]);
    const [row] = await support.outboxRowsFor(api, 'vetting.expiring', check.id);
    expect(row.recipients).toEqual([{ userId: coordinator.id, audience: 'coordinator' }]);
    expect(row.data).toEqual({
      kind: 'DBS',
      expiresOn: '2029-03-01',
      daysBefore: 60,
      daysLeft: 60,
    });

    // On the re-check date the check still counts (the last day it does): the sweep leaves it.
    await at('2029-03-01');
    const [{ status: onTheDay }] = await db.query(
      'SELECT status FROM vetting_checks WHERE id = $1',
      [check.id],
    );
    expect(onTheDay).toBe('CLEAR');
    // The day after, the sweep, run as a real job by the worker, marks it EXPIRED (once).
    const { JobQueues, JobName } = await import('@app/core/queue');
    workerClock.set('2029-03-02T06:00:00Z');
    await worker.get(JobQueues).add(JobName.SweepVettingExpiry, { payload: { v: 1 } });
    await eventually('the check to expire', async () => {
      const [{ status }] = await db.query('SELECT status FROM vetting_checks WHERE id = $1', [
        check.id,
      ]);
      return status === 'EXPIRED';
    });
    await at('2029-03-03');
    const expired = await db.query(
      `SELECT details FROM audit_events WHERE action = 'vetting.check_expired' AND entity_id = $1`,
      [check.id],
    );
    expect(expired).toEqual([{ details: { volunteerId, kind: 'DBS', on: '2029-03-02' } }]);
    expect(await reminders(check.id)).toEqual([60, 30, 7]);

    const inApp = await eventually('three reminders in the app', async () => {
      const found = await notificationsOf(coordinator.token, 'vetting.expiring');
      return found.length >= 3 ? found : null;
    });
    expect(inApp).toHaveLength(3);
    expect(inApp.map((n) => n.subject).sort()).toEqual([
      "A volunteer's DBS check needs renewing in 3 days", // the 7-day reminder, sent late
      "A volunteer's DBS check needs renewing in 30 days",
      "A volunteer's DBS check needs renewing in 60 days",
    ]);
    expect(await notificationsOf(otherCoordinator.token, 'vetting.expiring')).toEqual([]);
  });

  it('sends only the reminder that fits the day when the job first runs late, and none for checks that do not matter', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, org.id);
    const security = await support.completeCheck(api, coordinator.token, volunteerId, {
      kind: 'PRISON_SECURITY',
      issuedOn: '2026-04-10',
    });
    expect(security.expiresOn).toBe('2029-04-10');
    // A DBS check outlasted by a later one of the same level needs no reminder.
    const [older] = await support.completeChecks(api, coordinator.token, volunteerId, [
      { kind: 'DBS', dbsLevel: 'BASIC', issuedOn: '2026-04-10' },
      { kind: 'DBS', dbsLevel: 'STANDARD', issuedOn: '2026-09-01' },
    ]);
    await at('2029-03-21'); // 20 days before
    expect(await reminders(security.id)).toEqual([30]);
    await at('2029-04-05');
    expect(await reminders(security.id)).toEqual([30, 7]);
    expect(await reminders(older.id)).toEqual([]);
  });

  it('tells the coordinators of a BARRED outcome in the app at once', async () => {
    await support.vettingScheme(api, coordinator.token, org.id, {
      requiredDbsLevel: 'ENHANCED',
      requiredBarredLists: ['CHILDREN'],
    });
    const [volunteerId] = await factories.insertVolunteers(api, 1, org.id);
    await support.completeCheck(api, coordinator.token, volunteerId, {
      kind: 'DBS',
      dbsLevel: 'ENHANCED',
      barredLists: ['CHILDREN'],
      status: 'BARRED',
    });
    const [barred] = await eventually('the BARRED notification', async () => {
      const found = await notificationsOf(coordinator.token, 'vetting.barred');
      return found.length > 0 ? found : null;
    });
    expect(barred.subject).toBe('Urgent: a DBS check result needs your attention');
    expect(barred.body).not.toMatch(/CHILDREN|Bulk/);
    expect(await notificationsOf(otherCoordinator.token, 'vetting.barred')).toEqual([]);
  });

  it('purges risk-assessment and disclosure notes on the day 6 calendar months after the decision (UK date), keeping the decision, audited', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, org.id);
    const [disclosure, assessment, identity] = await support.completeChecks(
      api,
      coordinator.token,
      volunteerId,
      [
        {
          kind: 'DBS',
          dbsLevel: 'STANDARD',
          status: 'DISCLOSURE',
          notes: 'Disclosed: caution in 2019',
        },
        { kind: 'CONVICTION_RISK_ASSESSMENT', notes: 'Not relevant to the role; seven years ago' },
        { kind: 'IDENTITY', status: 'REJECTED', notes: 'Documents did not match' },
      ],
    );
    const notes = async () =>
      (
        await api.ok<{
          volunteer: {
            checks: { id: string; status: string; decidedAt: string; notes: string | null }[];
          };
        }>(
          `query($id: ID!) { volunteer(id: $id) { checks { id status decidedAt notes } } }`,
          { id: volunteerId },
          coordinator.token,
        )
      ).volunteer.checks;
    const purgedEvents = () =>
      db.query(
        `SELECT entity_id, details FROM audit_events WHERE action = 'vetting.notes_purged' AND entity_id = ANY($1) ORDER BY entity_id`,
        [[disclosure.id, assessment.id, identity.id]],
      );
    // The day the notes go: the decision's UK date + 6 months; its last minute before, its first after.
    const [{ lastMinuteBefore, firstMinute }] = await db.query(
      `SELECT (due - interval '1 minute') AS "lastMinuteBefore", (due + interval '1 minute') AS "firstMinute"
       FROM (SELECT ((($1::timestamptz AT TIME ZONE 'Europe/London')::date + interval '6 months')::date
                     + time '00:00') AT TIME ZONE 'Europe/London' AS due) d`,
      [assessment.decidedAt],
    );

    workerClock.set(lastMinuteBefore);
    await purge();
    expect((await notes()).map((c) => c.notes !== null)).toEqual([true, true, true]);

    workerClock.set(firstMinute);
    await purge();
    await purge();
    const after = await notes();
    expect(after).toEqual([
      {
        id: identity.id,
        status: 'REJECTED',
        decidedAt: identity.decidedAt,
        notes: 'Documents did not match',
      },
      { id: assessment.id, status: 'CLEAR', decidedAt: assessment.decidedAt, notes: null },
      { id: disclosure.id, status: 'DISCLOSURE', decidedAt: disclosure.decidedAt, notes: null },
    ]);
    const events = await purgedEvents();
    expect(events).toHaveLength(2);
    expect(events.map((e: { entity_id: string }) => e.entity_id).sort()).toEqual(
      [disclosure.id, assessment.id].sort(),
    );
    for (const event of events)
      expect(event.details).toMatchObject({ volunteerId, retentionMonths: 6 });
    const [kept] = await db.query(
      'SELECT outcome, decided_by, notes_purged_at FROM vetting_checks WHERE id = $1',
      [assessment.id],
    );
    expect(kept).toEqual({
      outcome: 'CLEAR',
      decided_by: coordinator.id,
      notes_purged_at: expect.any(Date),
    });
  });
});
