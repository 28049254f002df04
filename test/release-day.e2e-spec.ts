import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TestApi } from './support/app';
import { eventually } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

// The release day: the daily sweep makes MATCHED referrals ACTIVE on their release date and
// reminds the mentor 7 days and 1 day before; a changed release date re-plans the reminders. The
// API and the worker run in this process against a database of this file's own (the sweep works
// on the whole database, so no other test file's referrals are in it). Time is moved with the
// worker's controllable clock, not waited for. Configuration is read when the modules load, so
// they are imported after the environment is set.

jest.setTimeout(60_000);

const CRON = '0 4 1 1 *';
const MY_NOTIFICATIONS = '{ myNotifications { kind subject body } }';

interface Notice {
  kind: string;
  subject: string;
  body: string;
}

describe('release day: MATCHED → ACTIVE, mentor reminders, re-planning', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let stack: OwnStack;
  let workerClock: import('@app/core').Clock;
  let apiClock: import('@app/core').Clock;
  let addDays: typeof import('@app/core').addDays;
  let sweep: () => Promise<{ activated: number; reminded: number }>;
  let m: typeof import('./support/matching');
  let gql: typeof import('./support/app');
  let world: Awaited<ReturnType<typeof import('./support/matching').referralWorld>>;
  let gateScheme: { id: string };
  let mentor: { id: string; userId: string; token: string };

  beforeAll(async () => {
    stack = await startOwnStack('release', {
      RELEASE_DAY_JOBS_CRON: CRON,
      OUTBOX_RELAY_POLL_MS: '200',
    });
    ({ api, worker } = stack);
    const typeorm = await import('typeorm');

    gql = await import('./support/app');
    const core = await import('@app/core');
    const { ReleaseDay } = await import('@app/matching');
    const { createScheme, schemeInput } = await import('./support/schemes');
    m = await import('./support/matching');
    addDays = core.addDays;

    db = api.app.get(typeorm.DataSource);
    workerClock = worker.get(core.Clock);
    apiClock = api.app.get(core.Clock);
    sweep = () => worker.get(ReleaseDay).sweep();
    world = await m.referralWorld(api);
    gateScheme = await createScheme(
      api,
      world.coordinator.token,
      schemeInput(world.org.id, { name: gql.unique('Leeds gate'), prisonsServed: ['LEI'] }),
    );
    mentor = await m.clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Gate Mentor',
      maxMentees: 5,
    });
    // Through-the-gate work inside a prison also needs prison security clearance.
    const { completeChecks } = await import('./support/vetting');
    await completeChecks(api, world.coordinator.token, mentor.id, [{ kind: 'PRISON_SECURITY' }]);
  }, 120_000);

  afterEach(() => {
    workerClock?.set(null);
    apiClock?.set(null);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A referral released `inDays` days from today, accepted, proposed to the mentor and accepted by them. */
  async function matchedReferral(inDays: number, schemeId = world.scheme.id) {
    const referral = await m.createReferral(
      api,
      world.prison.token,
      m.referralInput(api, schemeId, { releaseDate: addDays(m.today(api), inDays) }),
    );
    await api.ok(m.RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    const { proposeMatch } = await api.ok<{ proposeMatch: { id: string } }>(
      m.PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: mentor.id },
      world.coordinator.token,
    );
    await api.ok(m.RESPOND_TO_MATCH, { id: proposeMatch.id, accept: true }, mentor.token);
    return { referral, matchId: proposeMatch.id };
  }

  const statusOf = async (referralId: string) =>
    (
      await api.ok<{ referral: { status: string } }>(
        m.REFERRAL,
        { id: referralId },
        world.prison.token,
      )
    ).referral.status;
  /** The reminders planned for a match, as `<release date>:<threshold>`, in the order sent. */
  const reminders = async (matchId: string) =>
    (await m.outboxRows(api, 'match.release_reminder', matchId)).map((row) =>
      row.dedupe_key.split(':').slice(2).join(':'),
    );
  const at = async (day: string) => {
    workerClock.set(`${day}T06:00:00Z`);
    return sweep();
  };
  const activations = (referralId: string) =>
    db.query(
      `SELECT details FROM audit_events WHERE action = 'referral.activated' AND entity_id = $1`,
      [referralId],
    );
  /** The signed-in user's in-app notifications of a kind that mention `text`, once `count` are there. */
  const noticesOf = async (token: string, kind: string, text: string, count: number) =>
    eventually(`${count} ${kind} notifications`, async () => {
      const { myNotifications } = await api.ok<{ myNotifications: Notice[] }>(
        MY_NOTIFICATIONS,
        {},
        token,
      );
      const found = myNotifications.filter((n) => n.kind === kind && n.body.includes(text));
      return found.length >= count ? found : null;
    });

  it('registers the daily sweep as a repeatable BullMQ job on the configured schedule, UK time', async () => {
    const { JobQueues, QueueName, JobName } = await import('@app/core/queue');
    const { ReleaseDaySchedules } = await import('@app/matching');
    // Registered in the background at start-up, so a worker starts even while Redis is away.
    await worker.get(ReleaseDaySchedules).registered;
    const schedulers = await worker.get(JobQueues).queue(QueueName.Matching).getJobSchedulers();
    expect(
      schedulers.map((s) => ({ key: s.key, name: s.name, pattern: s.pattern, tz: s.tz })),
    ).toEqual([
      {
        key: 'matching.sweep-release-days.daily',
        name: JobName.SweepReleaseDays,
        pattern: CRON,
        tz: 'Europe/London',
      },
    ]);
  });

  it('makes a MATCHED referral ACTIVE on its release date, not before, once, audited; an unmatched one stays ACCEPTED', async () => {
    const { referral } = await matchedReferral(10);
    const waiting = await m.createReferral(
      api,
      world.prison.token,
      m.referralInput(api, world.scheme.id, { releaseDate: referral.releaseDate }),
    );
    await api.ok(m.RESPOND_TO_REFERRAL, { id: waiting.id, accept: true }, world.coordinator.token);
    expect(await statusOf(referral.id)).toBe('MATCHED');

    await at(addDays(referral.releaseDate, -1));
    expect(await statusOf(referral.id)).toBe('MATCHED');

    // On the day, the sweep runs as a real job taken by the worker from the queue.
    const { JobQueues, JobName } = await import('@app/core/queue');
    workerClock.set(`${referral.releaseDate}T06:00:00Z`);
    await worker.get(JobQueues).add(JobName.SweepReleaseDays, { payload: { v: 1 } });
    await eventually('the referral to become ACTIVE', async () =>
      (await statusOf(referral.id)) === 'ACTIVE' ? true : null,
    );
    await at(referral.releaseDate);
    await at(addDays(referral.releaseDate, 1));
    expect(await activations(referral.id)).toEqual([
      { details: { releaseDate: referral.releaseDate, on: referral.releaseDate } },
    ]);
    expect(await statusOf(waiting.id)).toBe('ACCEPTED');
    // Released: the date is history now.
    expect(
      gql.codeOf(
        await api.gql(
          m.UPDATE_RELEASE_DATE,
          { referralId: referral.id, releaseDate: addDays(m.today(api), 40) },
          world.prison.token,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('reminds the mentor 7 days and 1 day before release, each exactly once, even when the sweep runs twice', async () => {
    const { referral, matchId } = await matchedReferral(40);
    const release = referral.releaseDate;
    await at(addDays(release, -8));
    expect(await reminders(matchId)).toEqual([]);
    await at(addDays(release, -7));
    await at(addDays(release, -7));
    await at(addDays(release, -3));
    expect(await reminders(matchId)).toEqual([`${release}:7d`]);
    await at(addDays(release, -1));
    await at(addDays(release, -1));
    await at(release);
    expect(await reminders(matchId)).toEqual([`${release}:7d`, `${release}:1d`]);
    expect(await statusOf(referral.id)).toBe('ACTIVE');

    const [week, day] = await m.outboxRows(api, 'match.release_reminder', matchId);
    expect(week.recipients).toEqual([{ userId: mentor.userId, audience: 'direct' }]);
    expect(week.data).toEqual({
      matchId,
      schemeName: world.scheme.name,
      releaseDate: release,
      daysBefore: 7,
      daysLeft: 7,
      meetAtGate: false,
      prisonName: 'HMP Leeds',
    });
    expect(day.data).toMatchObject({ daysBefore: 1, daysLeft: 1, meetAtGate: false });

    const inApp = await noticesOf(mentor.token, 'match.release_reminder', release, 2);
    expect(inApp.map((n) => n.subject).sort()).toEqual([
      'The person you mentor is released in 7 days',
      'The person you mentor is released tomorrow',
    ]);
    for (const notice of inApp) {
      expect(notice.body).not.toContain(referral.personReference);
      expect(notice.body).not.toContain('LOW');
      expect(notice.body).not.toMatch(/gate|risk|offence/i);
    }
    // Nobody else is reminded: not the coordinators, not the prison.
    const { myNotifications } = await api.ok<{ myNotifications: Notice[] }>(
      MY_NOTIFICATIONS,
      {},
      world.coordinator.token,
    );
    expect(myNotifications.filter((n) => n.kind === 'match.release_reminder')).toEqual([]);
  });

  it('says "meet at the gate", naming the prison, for a through-the-gate scheme', async () => {
    const { referral, matchId } = await matchedReferral(70, gateScheme.id);
    const release = referral.releaseDate;
    // The sweep first runs 5 days before (the match came late): the 7-day reminder fits the day.
    await at(addDays(release, -5));
    await at(addDays(release, -1));
    expect(await reminders(matchId)).toEqual([`${release}:7d`, `${release}:1d`]);
    const rows = await m.outboxRows(api, 'match.release_reminder', matchId);
    expect(rows.map((row) => row.data.meetAtGate)).toEqual([true, true]);
    expect(rows[0].data.daysLeft).toBe(5);

    const inApp = await eventually('the gate reminders', async () => {
      const { myNotifications } = await api.ok<{ myNotifications: Notice[] }>(
        MY_NOTIFICATIONS,
        {},
        mentor.token,
      );
      const found = myNotifications.filter((n) => n.subject.startsWith('Meet at the gate'));
      return found.length >= 2 ? found : null;
    });
    expect(inApp.map((n) => n.subject).sort()).toEqual([
      'Meet at the gate in 5 days',
      'Meet at the gate tomorrow',
    ]);
    for (const notice of inApp) {
      expect(notice.body).toContain('Meet them at the gate of HMP Leeds');
      expect(notice.body).not.toContain(referral.personReference);
    }
  });

  it('re-plans after updateReleaseDate: reminders for the new date, none more for the old one; the mentor and coordinators are told', async () => {
    const { referral, matchId } = await matchedReferral(100);
    const first = referral.releaseDate;
    await at(addDays(first, -7));
    expect(await reminders(matchId)).toEqual([`${first}:7d`]);

    // Parole decided later: two weeks on.
    const moved = addDays(first, 14);
    const { updateReleaseDate } = await api.ok<{
      updateReleaseDate: { releaseDate: string; status: string };
    }>(m.UPDATE_RELEASE_DATE, { referralId: referral.id, releaseDate: moved }, world.prison.token);
    expect(updateReleaseDate).toMatchObject({ releaseDate: moved, status: 'MATCHED' });
    const [changed] = await m.outboxRows(api, 'referral.release_date_changed', referral.id);
    expect(changed.recipients).toEqual(
      expect.arrayContaining([
        { userId: world.coordinator.id, audience: 'coordinator' },
        { userId: mentor.userId, audience: 'direct' },
      ]),
    );
    expect(changed.recipients).toHaveLength(2);
    expect(changed.data).toEqual({
      referralId: referral.id,
      schemeName: world.scheme.name,
      releaseDate: moved,
      meetAtGate: false,
      prisonName: 'HMP Leeds',
    });
    const [told] = await noticesOf(mentor.token, 'referral.release_date_changed', moved, 1);
    expect(told.subject).toBe('The release date of the person you mentor has changed');
    expect(told.body).toContain(moved);
    expect(told.body).not.toContain(referral.personReference);

    // The old date's 1-day reminder and release day pass without anything happening.
    await at(addDays(first, -1));
    await at(first);
    expect(await statusOf(referral.id)).toBe('MATCHED');
    expect(await reminders(matchId)).toEqual([`${first}:7d`]);
    // More than 7 days before the new date: still nothing.
    await at(addDays(moved, -8));
    expect(await reminders(matchId)).toEqual([`${first}:7d`]);
    await at(addDays(moved, -7));
    await at(addDays(moved, -1));
    await at(addDays(moved, -1));
    expect(await reminders(matchId)).toEqual([`${first}:7d`, `${moved}:7d`, `${moved}:1d`]);
    await at(moved);
    expect(await statusOf(referral.id)).toBe('ACTIVE');
    expect(await activations(referral.id)).toEqual([
      { details: { releaseDate: moved, on: moved } },
    ]);
  });

  it('makes a MATCHED referral ACTIVE at once when its release date moves to today; setting the same date changes nothing', async () => {
    const { referral, matchId } = await matchedReferral(200);
    const unchanged = await api.ok<{ updateReleaseDate: { releaseDate: string } }>(
      m.UPDATE_RELEASE_DATE,
      { referralId: referral.id, releaseDate: referral.releaseDate },
      world.prison.token,
    );
    expect(unchanged.updateReleaseDate.releaseDate).toBe(referral.releaseDate);
    expect(await m.outboxRows(api, 'referral.release_date_changed', referral.id)).toEqual([]);

    // Released today, e.g. on home detention curfew: ACTIVE without waiting for tomorrow's sweep.
    const today = m.today(api);
    const { updateReleaseDate } = await api.ok<{
      updateReleaseDate: { releaseDate: string; status: string };
    }>(m.UPDATE_RELEASE_DATE, { referralId: referral.id, releaseDate: today }, world.prison.token);
    expect(updateReleaseDate).toEqual(
      expect.objectContaining({ releaseDate: today, status: 'ACTIVE' }),
    );
    expect(await statusOf(referral.id)).toBe('ACTIVE');
    expect(await activations(referral.id)).toEqual([
      { details: { releaseDate: today, on: today } },
    ]);
    expect(await m.outboxRows(api, 'referral.release_date_changed', referral.id)).toHaveLength(1);
    // No reminder for a day that has come.
    await at(today);
    expect(await reminders(matchId)).toEqual([]);
    expect(await activations(referral.id)).toHaveLength(1);
  });
});
