import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TestApi } from './support/app';
import { eventually } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

// The daily jobs against the UK calendar: "today" turns over at UK midnight (summer time
// included), notes go 6 calendar months after the decision, and a re-check reminder sent late says
// how many days are really left. Own database and Redis prefix, the worker in this process; time
// is moved with the worker's clock.

jest.setTimeout(90_000);

const CRON = '0 5 1 1 *';

interface Notice {
  kind: string;
  subject: string;
  body: string;
}

describe('daily jobs and the UK calendar', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let stack: OwnStack;
  let workerClock: import('@app/core').Clock;
  let m: typeof import('./support/matching');
  let v: typeof import('./support/vetting');
  let factories: typeof import('./support/factories');
  let releaseSweep: () => Promise<{ activated: number; reminded: number }>;
  let vettingSweep: () => Promise<unknown>;
  let notesPurge: () => Promise<unknown>;
  let world: Awaited<ReturnType<typeof import('./support/matching').referralWorld>>;

  beforeAll(async () => {
    stack = await startOwnStack('jobscal', {
      RELEASE_DAY_JOBS_CRON: CRON,
      VETTING_JOBS_CRON: CRON,
      OUTBOX_PURGE_CRON: CRON,
      OUTBOX_RELAY_POLL_MS: '200',
    });
    ({ api, worker } = stack);
    const typeorm = await import('typeorm');
    const core = await import('@app/core');
    const { ReleaseDay } = await import('@app/matching');
    const { VettingExpiry, NotesRetention } = await import('@app/vetting');
    m = await import('./support/matching');
    v = await import('./support/vetting');
    factories = await import('./support/factories');
    db = api.app.get(typeorm.DataSource);
    workerClock = worker.get(core.Clock);
    releaseSweep = () => worker.get(ReleaseDay).sweep();
    vettingSweep = () => worker.get(VettingExpiry).sweep();
    notesPurge = () => worker.get(NotesRetention).purge();
    world = await m.referralWorld(api);
  }, 120_000);

  afterEach(() => workerClock?.set(null));

  afterAll(async () => {
    await stack?.stop();
  });

  const notices = async (token: string, kind: string) =>
    (
      await api.ok<{ myNotifications: Notice[] }>(
        '{ myNotifications { kind subject body } }',
        {},
        token,
      )
    ).myNotifications.filter((n) => n.kind === kind);

  it('a release-day sweep run just after UK midnight in summer (00:30 BST) treats the release day as today: ACTIVE, no "tomorrow" reminder', async () => {
    const mentor = await m.clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Summer Mentor',
      maxMentees: 5,
    });
    // A release date in British Summer Time, in the future and well within two years of today
    // (the next 15 July at least a week away, whenever the suite runs).
    const today = m.today(api);
    const year = Number(today.slice(0, 4)) + (today.slice(5) < '07-08' ? 0 : 1);
    const release = `${year}-07-15`;
    const referral = await m.createReferral(
      api,
      world.prison.token,
      m.referralInput(api, world.scheme.id, { releaseDate: release }),
    );
    await api.ok(m.RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    const { proposeMatch } = await api.ok<{ proposeMatch: { id: string } }>(
      m.PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: mentor.id },
      world.coordinator.token,
    );
    await api.ok(m.RESPOND_TO_MATCH, { id: proposeMatch.id, accept: true }, mentor.token);

    // 00:30 on 15 July, UK time (BST = UTC+1): a sweep scheduled at "30 0 * * *" runs now.
    workerClock.set(`${year}-07-14T23:30:00Z`);
    await releaseSweep();
    const { referral: after } = await api.ok<{ referral: { status: string } }>(
      m.REFERRAL,
      { id: referral.id },
      world.prison.token,
    );
    expect(after.status).toBe('ACTIVE');
    const reminders = await m.outboxRows(api, 'match.release_reminder', proposeMatch.id);
    // On the release day itself, "the person you mentor is released tomorrow" is wrong.
    expect(reminders.map((row) => row.data.daysBefore)).not.toContain(1);
  });

  it('purges disclosure notes 6 calendar months after the decision (domain.md), not days later', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, world.org.id);
    const [disclosure] = await v.completeChecks(api, world.coordinator.token, volunteerId, [
      { kind: 'DBS', dbsLevel: 'STANDARD', status: 'DISCLOSURE', notes: 'Disclosed: caution' },
    ]);
    // Decided at 10:00 UK time (GMT) on 10 January 2026.
    await db.query(`UPDATE vetting_checks SET decided_at = $2 WHERE id = $1`, [
      disclosure.id,
      '2026-01-10T10:00:00Z',
    ]);
    const notesOf = async () =>
      (await db.query('SELECT notes FROM vetting_checks WHERE id = $1', [disclosure.id]))[0]
        .notes as string | null;

    // The day before 6 months are up: kept.
    workerClock.set('2026-07-09T05:00:00Z'); // 06:00 BST
    await notesPurge();
    expect(await notesOf()).toBe('Disclosed: caution');

    // 10 July 2026, 6 months after the decision, the daily job at 06:00 UK time: purged.
    workerClock.set('2026-07-10T05:00:00Z');
    await notesPurge();
    expect(await notesOf()).toBeNull();
  });

  it('a re-check reminder first sent 45 days before says 45 days, not "in 60 days"', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, world.org.id);
    // Re-check date 2029-03-01 (issued 2026-03-01, 3 years). The first sweep that sees it runs
    // 45 days before (the check was recorded late, or the worker was down).
    const check = await v.completeCheck(api, world.coordinator.token, volunteerId, {
      kind: 'DBS',
      dbsLevel: 'BASIC',
      issuedOn: '2026-03-01',
    });
    expect(check.expiresOn).toBe('2029-03-01');
    workerClock.set('2029-01-15T06:00:00Z'); // 45 days before
    await vettingSweep();
    const [reminder] = await eventually('the reminder in the app', async () => {
      const found = (await notices(world.coordinator.token, 'vetting.expiring')).filter((n) =>
        n.body.includes('2029-03-01'),
      );
      return found.length > 0 ? found : null;
    });
    expect(reminder.subject).not.toContain('in 60 days');
    expect(`${reminder.subject}\n${reminder.body}`).toContain('45 days');
  });
});
