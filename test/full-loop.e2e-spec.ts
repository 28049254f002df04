import type { INestApplicationContext } from '@nestjs/common';
import type { TestApi } from './support/app';
import { eventually, sleep } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

// The whole loop of issue #6 over GraphQL, as each party sees it: an admin sets up an organisation,
// its coordinator and a prison's staff; a mentor registers and is vetted; the coordinator runs a
// through-the-gate scheme; prison staff find it and refer someone; the scheme accepts; the
// coordinator picks the suggested mentor, who accepts; the mentor is reminded before release and
// the referral becomes ACTIVE on the day; sessions are logged, outcomes rated at the start and the
// end, the match ends, and the funders' summary shows the distance travelled. After every step the
// in-app notifications of the mentor, the coordinator and the prison are checked, exactly: the
// worker runs in this process (relay and delivery), against a database of this file's own (the
// release-day sweep works on the whole database). Time is moved with the controllable clocks.

jest.setTimeout(120_000);

const SESSION = `mutation($input: LogSessionInput!) { logSession(input: $input) { id date minutes pathways } }`;
const RECORD_OUTCOME = `mutation($matchId: ID!, $stage: OutcomeStage!, $ratings: [OutcomeRatingInput!]!) {
  recordOutcome(matchId: $matchId, stage: $stage, ratings: $ratings) { id status }
}`;
const END_MATCH = `mutation($id: ID!, $reason: String!) { endMatch(id: $id, reason: $reason) { id status endedAt } }`;
const OUTCOME_SUMMARY = `query($organisationId: ID!, $from: Date!, $to: Date!) {
  outcomeSummary(organisationId: $organisationId, from: $from, to: $to) { pathway people meanChange improved }
}`;
const MY_NOTIFICATIONS = '{ myNotifications(first: 100) { id kind subject body } }';
const LOOP_STATE = `query($id: ID!) {
  referral(id: $id) { status match { id status volunteer { id status activeMentees } sessions { date minutes pathways } } }
}`;

interface Notice {
  id: string;
  kind: string;
  subject: string;
  body: string;
}

describe('the whole loop, from registration to outcomes, with every notification', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let stack: OwnStack;
  let workerClock: import('@app/core').Clock;
  let apiClock: import('@app/core').Clock;
  let sweep: () => Promise<unknown>;

  beforeAll(async () => {
    stack = await startOwnStack('loop', {
      OUTBOX_RELAY_POLL_MS: '200',
    });
    ({ api, worker } = stack);

    const { Clock } = await import('@app/core');
    const { ReleaseDay } = await import('@app/matching');
    workerClock = worker.get(Clock);
    apiClock = api.app.get(Clock);
    sweep = () => worker.get(ReleaseDay).sweep();
  }, 120_000);

  afterAll(async () => {
    workerClock?.set(null);
    apiClock?.set(null);
    await stack?.stop();
  });

  it('runs registration → vetting → scheme → search → referral → match → release day → sessions → outcomes', async () => {
    const { addDays } = await import('@app/core');
    const f = await import('./support/factories');
    const s = await import('./support/schemes');
    const m = await import('./support/matching');
    const v = await import('./support/vetting');

    // Each party's inbox: what arrived since the last look must be exactly `kinds` (given a moment
    // after they came, so a stray extra one is caught too).
    const seen = new Map<string, Set<string>>();
    const inbox = async (token: string) =>
      (await api.ok<{ myNotifications: Notice[] }>(MY_NOTIFICATIONS, {}, token)).myNotifications;
    async function expectNew(token: string, kinds: string[]): Promise<Notice[]> {
      const before = seen.get(token) ?? new Set<string>();
      const fresh = async () => (await inbox(token)).filter((n) => !before.has(n.id));
      if (kinds.length > 0) {
        await eventually(kinds.join(', '), async () => (await fresh()).length >= kinds.length);
      }
      await sleep(500);
      const arrived = await fresh();
      expect(arrived.map((n) => n.kind).sort()).toEqual([...kinds].sort());
      seen.set(token, new Set([...before, ...arrived.map((n) => n.id)]));
      return arrived;
    }

    // Set-up by the platform admin: an organisation, its coordinator, staff at HMP Leeds.
    const admin = await api.adminToken();
    const org = await f.createOrganisation(api, admin, { name: 'Leeds Through the Gate' });
    const coordinator = await f.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const prison = await f.createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });

    // Registration: the mentor applies; they are welcomed and the coordinator hears of it.
    const mentor = await f.registerMentor(api, {
      organisationId: org.id,
      displayName: 'Jo Mentor',
      gender: 'MALE',
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
    });
    await expectNew(mentor.token, ['mentor.registered']);
    await expectNew(coordinator.token, ['mentor.registered']);
    await expectNew(prison.token, []);

    // Vetting: identity, two references, a STANDARD DBS, prison security; then APPROVED.
    await v.completeChecks(api, coordinator.token, mentor.id, [
      ...v.IDENTITY_AND_REFERENCES,
      { kind: 'DBS', dbsLevel: 'STANDARD' },
      { kind: 'PRISON_SECURITY' },
    ]);
    // The first check request moved the application to VETTING; the mentor is told.
    await expectNew(mentor.token, ['volunteer.status_changed']);
    await f.walkVolunteerStatus(api, coordinator.token, mentor.id, ['APPROVED']);
    const [approved] = await expectNew(mentor.token, ['volunteer.status_changed']);
    expect(approved.subject).toBe('An update on your mentor application');
    await expectNew(coordinator.token, []);

    // The scheme: Leeds, meeting people in HMP Leeds before release.
    const scheme = await s.createScheme(
      api,
      coordinator.token,
      s.schemeInput(org.id, { name: 'Leeds gate mentoring', prisonsServed: ['LEI'] }),
    );

    // Search: prison staff look for a service for someone leaving HMP Leeds for LS6.
    const { searchServices } = await api.ok<{
      searchServices: { scheme: { id: string }; throughTheGate: boolean; reasons: string[] }[];
    }>(
      s.SEARCH_SERVICES,
      {
        input: {
          releasePostcode: 'LS6 1AA',
          prisonCode: 'LEI',
          gender: 'MALE',
          age: 30,
          riskLevel: 'LOW',
          needs: ['ACCOMMODATION'],
          first: 5,
        },
      },
      prison.token,
    );
    const found = searchServices.find((result) => result.scheme.id === scheme.id);
    expect(found).toMatchObject({ throughTheGate: true });
    expect(found?.reasons).toContain('meets people in HMP Leeds before release');

    // Referral, released in three weeks; the coordinator is told.
    const releaseDate = addDays(m.today(api), 21);
    const referral = await m.createReferral(
      api,
      prison.token,
      m.referralInput(api, scheme.id, {
        releaseDate,
        needs: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
      }),
    );
    expect(referral.status).toBe('SENT');
    const [received] = await expectNew(coordinator.token, ['referral.received']);
    expect(received.body).not.toContain(referral.personReference);

    // Acceptance: the prison is told.
    await api.ok(m.RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, coordinator.token);
    await expectNew(prison.token, ['referral.accepted']);

    // Suggestion: the mentor, with the reasons.
    const { suggestMentors } = await api.ok<{
      suggestMentors: { volunteer: { id: string }; reasons: string[] }[];
    }>(m.SUGGEST_MENTORS, { referralId: referral.id }, coordinator.token);
    expect(suggestMentors.map((suggestion) => suggestion.volunteer.id)).toEqual([mentor.id]);

    // Proposal: the mentor is asked.
    const { proposeMatch } = await api.ok<{ proposeMatch: { id: string; status: string } }>(
      m.PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: mentor.id },
      coordinator.token,
    );
    expect(proposeMatch.status).toBe('PROPOSED');
    const matchId = proposeMatch.id;
    const [proposed] = await expectNew(mentor.token, ['match.proposed']);
    expect(proposed.body).toContain(releaseDate);

    // The mentor accepts: the coordinator and the prison are told; the referral is MATCHED.
    await api.ok(m.RESPOND_TO_MATCH, { id: matchId, accept: true }, mentor.token);
    await expectNew(coordinator.token, ['match.accepted']);
    await expectNew(prison.token, ['referral.matched']);
    await expectNew(mentor.token, []);
    const state = async () =>
      (
        await api.ok<{
          referral: {
            status: string;
            match: {
              status: string;
              volunteer: { status: string; activeMentees: number };
              sessions: { date: string; minutes: number; pathways: string[] }[];
            };
          };
        }>(LOOP_STATE, { id: referral.id }, coordinator.token)
      ).referral;
    expect(await state()).toMatchObject({
      status: 'MATCHED',
      match: { status: 'ACCEPTED', volunteer: { status: 'ACTIVE', activeMentees: 1 } },
    });

    // Release day: reminders to meet at the gate a week and a day before; ACTIVE on the day.
    const on = async (day: string) => {
      workerClock.set(`${day}T06:00:00Z`);
      await sweep();
    };
    await on(addDays(releaseDate, -7));
    const [week] = await expectNew(mentor.token, ['match.release_reminder']);
    expect(week.subject).toBe('Meet at the gate in 7 days');
    expect(week.body).toContain('Meet them at the gate of HMP Leeds');
    await on(addDays(releaseDate, -1));
    await on(addDays(releaseDate, -1));
    const [day] = await expectNew(mentor.token, ['match.release_reminder']);
    expect(day.subject).toBe('Meet at the gate tomorrow');
    expect((await state()).status).toBe('MATCHED');
    await on(releaseDate);
    expect((await state()).status).toBe('ACTIVE');
    await expectNew(coordinator.token, []);
    await expectNew(prison.token, []);

    // Sessions: at the gate on the day, and a month on; the START ratings on the day.
    apiClock.set(`${releaseDate}T15:00:00Z`);
    await api.ok(
      SESSION,
      { input: { matchId, date: releaseDate, minutes: 90, pathways: ['ACCOMMODATION'] } },
      mentor.token,
    );
    await api.ok(
      RECORD_OUTCOME,
      {
        matchId,
        stage: 'START',
        ratings: [
          { pathway: 'ACCOMMODATION', rating: 1 },
          { pathway: 'EDUCATION_TRAINING_EMPLOYMENT', rating: 2 },
        ],
      },
      mentor.token,
    );
    const later = addDays(releaseDate, 30);
    apiClock.set(`${later}T15:00:00Z`);
    await api.ok(
      SESSION,
      {
        input: {
          matchId,
          date: later,
          minutes: 60,
          pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
          note: 'Moved into his own flat; started a course',
        },
      },
      mentor.token,
    );
    expect((await state()).match.sessions.map((session) => session.date).sort()).toEqual([
      releaseDate,
      later,
    ]);

    // The END ratings, by the coordinator; then the match ends: the mentor and the prison are told.
    const end = addDays(releaseDate, 90);
    apiClock.set(`${end}T15:00:00Z`);
    await api.ok(
      RECORD_OUTCOME,
      {
        matchId,
        stage: 'END',
        ratings: [
          { pathway: 'ACCOMMODATION', rating: 4 },
          { pathway: 'EDUCATION_TRAINING_EMPLOYMENT', rating: 2 },
        ],
      },
      coordinator.token,
    );
    const { endMatch } = await api.ok<{ endMatch: { status: string } }>(
      END_MATCH,
      { id: matchId, reason: 'Goals met' },
      coordinator.token,
    );
    expect(endMatch.status).toBe('ENDED');
    await expectNew(mentor.token, ['match.ended']);
    await expectNew(prison.token, ['referral.closed']);
    await expectNew(coordinator.token, []);
    expect(await state()).toMatchObject({
      status: 'CLOSED',
      match: { status: 'ENDED', volunteer: { activeMentees: 0 } },
    });

    // The funders' summary: distance travelled per pathway.
    const { outcomeSummary } = await api.ok<{
      outcomeSummary: { pathway: string; people: number; meanChange: number; improved: number }[];
    }>(
      OUTCOME_SUMMARY,
      { organisationId: org.id, from: releaseDate, to: addDays(end, 1) },
      coordinator.token,
    );
    expect([...outcomeSummary].sort((a, b) => a.pathway.localeCompare(b.pathway))).toEqual([
      { pathway: 'ACCOMMODATION', people: 1, meanChange: 3, improved: 1 },
      { pathway: 'EDUCATION_TRAINING_EMPLOYMENT', people: 1, meanChange: 0, improved: 0 },
    ]);

    // Nothing sensitive reached anyone's notifications.
    for (const token of [mentor.token, coordinator.token, prison.token]) {
      for (const notice of await inbox(token)) {
        expect(`${notice.subject} ${notice.body}`).not.toContain(referral.personReference);
        expect(notice.body).not.toMatch(/LS6 1AA|own flat|risk/i);
      }
    }
  });
});
