import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TestApi } from './support/app';
import { eventually } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

// domain.md: "A check past its re-check date is EXPIRED and no longer counts." On the re-check date
// itself the check still counts; from the next day it is EXPIRED — for its shown status, for
// clearance (asked in TypeScript and in the mentor-suggestion SQL), and for the daily sweep. Own
// database (the sweep touches every check); the API's and the worker's clocks are moved together.

jest.setTimeout(90_000);

const CRON = '0 4 1 1 *';
// Issued 1 June 2026, re-checked after 3 years: re-check date 1 June 2029.
const ISSUED = '2026-06-01';
const RECHECK = '2029-06-01';
const DAY_AFTER = '2029-06-02';

describe('the re-check date: the last day a check counts', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let stack: OwnStack;
  let clocks: import('@app/core').Clock[];
  let sweep: () => Promise<unknown>;
  let v: typeof import('./support/vetting');
  let m: typeof import('./support/matching');
  let factories: typeof import('./support/factories');
  let world: Awaited<ReturnType<typeof import('./support/matching').referralWorld>>;

  beforeAll(async () => {
    stack = await startOwnStack('recheck', {
      VETTING_JOBS_CRON: CRON,
      RELEASE_DAY_JOBS_CRON: CRON,
      OUTBOX_PURGE_CRON: CRON,
      OUTBOX_RELAY_POLL_MS: '200',
    });
    ({ api, worker } = stack);
    const typeorm = await import('typeorm');
    const { Clock } = await import('@app/core');
    const { VettingExpiry } = await import('@app/vetting');
    v = await import('./support/vetting');
    m = await import('./support/matching');
    factories = await import('./support/factories');
    db = api.app.get(typeorm.DataSource);
    clocks = [api.app.get(Clock), worker.get(Clock)];
    sweep = () => worker.get(VettingExpiry).sweep();
    world = await m.referralWorld(api);
  }, 120_000);

  afterEach(() => clocks?.forEach((clock) => clock.set(null)));

  afterAll(async () => {
    await stack?.stop();
  });

  /** 06:00 UK time (BST) on `day`, when the daily jobs run. */
  const on = (day: string) => clocks.forEach((clock) => clock.set(`${day}T05:00:00Z`));
  const statusOf = async (volunteerId: string, checkId: string) =>
    (
      await api.ok<{ volunteer: { checks: { id: string; status: string }[] } }>(
        v.CHECKS,
        { id: volunteerId },
        world.coordinator.token,
      )
    ).volunteer.checks.find((c) => c.id === checkId)?.status;

  it('counts on its re-check date (status CLEAR, cleared, the sweep leaves it) and is EXPIRED from the next day', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, world.org.id);
    const [, , , dbs] = await v.completeChecks(api, world.coordinator.token, volunteerId, [
      ...v.IDENTITY_AND_REFERENCES,
      { kind: 'DBS', dbsLevel: 'STANDARD', issuedOn: ISSUED },
    ]);
    expect(dbs.expiresOn).toBe(RECHECK);

    on(RECHECK);
    await sweep();
    expect(await statusOf(volunteerId, dbs.id)).toBe('CLEAR');
    expect(
      await v.clearanceOf(api, world.coordinator.token, volunteerId, {
        schemeId: world.scheme.id,
      }),
    ).toEqual({ cleared: true, missing: [], expiresOn: RECHECK });
    expect(
      await v.clearanceOf(api, world.coordinator.token, volunteerId, {
        schemeId: world.scheme.id,
        asOf: DAY_AFTER,
      }),
    ).toEqual({ cleared: false, missing: ['DBS STANDARD'], expiresOn: null });

    on(DAY_AFTER);
    expect(
      (
        await v.clearanceOf(api, world.coordinator.token, volunteerId, {
          schemeId: world.scheme.id,
        })
      ).cleared,
    ).toBe(false);
    await sweep();
    expect(await statusOf(volunteerId, dbs.id)).toBe('EXPIRED');
    const audited = await db.query(
      `SELECT details FROM audit_events WHERE action = 'vetting.check_expired' AND entity_id = $1`,
      [dbs.id],
    );
    expect(audited).toEqual([{ details: { volunteerId, kind: 'DBS', on: DAY_AFTER } }]);
  });

  it('records a certificate whose re-check date is today as CLEAR, one a day older as EXPIRED', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, world.org.id);
    on(RECHECK);
    const [lastDay, pastIt] = await v.completeChecks(api, world.coordinator.token, volunteerId, [
      { kind: 'DBS', dbsLevel: 'BASIC', issuedOn: ISSUED },
      { kind: 'DBS', dbsLevel: 'BASIC', issuedOn: '2026-05-31' },
    ]);
    expect(lastDay).toMatchObject({ status: 'CLEAR', expiresOn: RECHECK });
    expect(pastIt).toMatchObject({ status: 'EXPIRED', expiresOn: '2029-05-31' });
  });

  it('sends a missed 7-day reminder on the re-check date ("today"), and none once the date has passed', async () => {
    const [volunteerId] = await factories.insertVolunteers(api, 1, world.org.id);
    // The sweep did not run on any of the days before: no reminder has gone for either check.
    const [lastDay, pastIt] = await v.completeChecks(api, world.coordinator.token, volunteerId, [
      { kind: 'PRISON_SECURITY', issuedOn: ISSUED },
      { kind: 'PRISON_SECURITY', issuedOn: '2026-05-31' },
    ]);
    const reminders = async (checkId: string) =>
      (await v.outboxRowsFor(api, 'vetting.expiring', checkId)).map((row) => row.data);

    on(RECHECK);
    await sweep();
    await sweep();
    expect(await reminders(lastDay.id)).toEqual([
      { kind: 'PRISON_SECURITY', expiresOn: RECHECK, daysBefore: 7, daysLeft: 0 },
    ]);
    expect(await reminders(pastIt.id)).toEqual([]);
    expect(await statusOf(volunteerId, pastIt.id)).toBe('EXPIRED');

    const [notice] = await eventually('the reminder in the app', async () => {
      const found = (
        await api.ok<{ myNotifications: { kind: string; subject: string; body: string }[] }>(
          '{ myNotifications { kind subject body } }',
          {},
          world.coordinator.token,
        )
      ).myNotifications.filter(
        (n) =>
          n.kind === 'vetting.expiring' &&
          n.subject.includes('prison security') &&
          n.body.includes(RECHECK),
      );
      return found.length > 0 ? found : null;
    });
    expect(notice.subject).toBe("A volunteer's prison security clearance needs renewing today");
    expect(notice.body).toContain(`reaches its re-check date today (${RECHECK})`);
  });

  it('suggests a mentor for a release on the re-check date, not for one the day after; proposing agrees', async () => {
    const mentor = await m.clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Boundary Mentor',
    });
    on('2029-05-01');
    const suggested = async (releaseDate: string) => {
      const referral = await m.acceptedReferral(api, world, { releaseDate });
      const { suggestMentors } = await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
        m.SUGGEST_MENTORS,
        { referralId: referral.id, first: 50 },
        world.coordinator.token,
      );
      const { excludedMentors } = await api.ok<{
        excludedMentors: { volunteer: { id: string }; reasons: string[] }[];
      }>(m.EXCLUDED_MENTORS, { referralId: referral.id, first: 50 }, world.coordinator.token);
      const proposal = await api.gql(
        m.PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: mentor.id },
        world.coordinator.token,
      );
      return {
        suggested: suggestMentors.some((s) => s.volunteer.id === mentor.id),
        excluded: excludedMentors.some((e) => e.volunteer.id === mentor.id),
        proposed: !proposal.errors,
      };
    };
    expect(await suggested(RECHECK)).toEqual({ suggested: true, excluded: false, proposed: true });
    expect(await suggested(DAY_AFTER)).toEqual({
      suggested: false,
      excluded: true,
      proposed: false,
    });
  });
});
