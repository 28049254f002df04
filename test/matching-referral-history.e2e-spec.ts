import { TestApi, codeOf, statementsDuring } from './support/app';
import { SET_VOLUNTEER_STATUS, createOrganisation, createStaff } from './support/factories';
import {
  PROPOSE_MATCH,
  RESPOND_TO_MATCH,
  acceptedMatch,
  acceptedReferral,
  accommodationMentor,
  referralWorld,
  today,
} from './support/matching';

// Referral.matches: every match of a referral that was accepted at some point, oldest first, so
// a mentor's work (sessions, ratings) stays within reach after the referral is matched again.
// Whoever sees the referral sees the list; a mentor only their own matches, while volunteering.

jest.setTimeout(60_000);

const LOG_SESSION = `mutation($input: LogSessionInput!) { logSession(input: $input) { id } }`;
const HISTORY = `query($id: ID!) {
  referral(id: $id) { id status matches { id status proposedAt respondedAt endedAt } }
}`;
const HISTORY_WITH_WORK = `query($id: ID!) {
  referral(id: $id) { matches { id status sessions { id } volunteer { id } } }
}`;
const HISTORY_WITH_VOLUNTEER = `query($id: ID!) { referral(id: $id) { matches { id volunteer { id } } } }`;
const MY_MATCHES = `{ myMatches { id referral { id matches { id status } } } }`;
const LISTED = `query($first: Int) { referrals(first: $first) { id matches { id } } }`;

interface HistoryMatch {
  id: string;
  status: string;
  proposedAt: string;
  respondedAt: string | null;
  endedAt: string | null;
}

describe('a referral matched again after its mentor left', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let departed: { id: string; token: string };
  let next: { id: string; token: string };
  let referralId: string;
  let endedMatchId: string;
  let currentMatchId: string;
  const sessionIds: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api, { capacity: 50 });
    departed = await accommodationMentor(api, world, 'Departed mentor');
    const first = await acceptedMatch(api, world, departed);
    referralId = first.referral.id;
    endedMatchId = first.match.id;
    const logSession = async (matchId: string) =>
      (
        await api.ok<{ logSession: { id: string } }>(
          LOG_SESSION,
          {
            input: { matchId, date: today(api), minutes: 45, pathways: ['ACCOMMODATION'] },
          },
          world.coordinator.token,
        )
      ).logSession.id;
    sessionIds[endedMatchId] = await logSession(endedMatchId);

    await api.ok(SET_VOLUNTEER_STATUS, { id: departed.id, status: 'WITHDRAWN' }, departed.token);
    next = await accommodationMentor(api, world, 'Next mentor');
    currentMatchId = (
      await api.ok<{ proposeMatch: { id: string } }>(
        PROPOSE_MATCH,
        { referralId, volunteerId: next.id },
        world.coordinator.token,
      )
    ).proposeMatch.id;
    await api.ok(RESPOND_TO_MATCH, { id: currentMatchId, accept: true }, next.token);
    sessionIds[currentMatchId] = await logSession(currentMatchId);
  });
  afterAll(() => api.stop());

  it('the coordinator sees both matches, ended then accepted, each with its sessions and mentor', async () => {
    const history = (
      await api.ok<{ referral: { status: string; matches: HistoryMatch[] } }>(
        HISTORY,
        { id: referralId },
        world.coordinator.token,
      )
    ).referral;
    expect(history.status).toBe('MATCHED');
    expect(history.matches.map((m) => [m.id, m.status])).toEqual([
      [endedMatchId, 'ENDED'],
      [currentMatchId, 'ACCEPTED'],
    ]);
    expect(history.matches[0].endedAt).not.toBeNull();
    expect(history.matches[1].endedAt).toBeNull();

    const work = await api.ok<{
      referral: {
        matches: { id: string; sessions: { id: string }[]; volunteer: { id: string } }[];
      };
    }>(HISTORY_WITH_WORK, { id: referralId }, world.coordinator.token);
    expect(work.referral.matches.map((m) => [m.volunteer.id, m.sessions.map((s) => s.id)])).toEqual(
      [
        [departed.id, [sessionIds[endedMatchId]]],
        [next.id, [sessionIds[currentMatchId]]],
      ],
    );
  });

  it('an admin sees both too', async () => {
    const history = await api.ok<{ referral: { matches: HistoryMatch[] } }>(
      HISTORY,
      { id: referralId },
      world.admin,
    );
    expect(history.referral.matches.map((m) => m.id)).toEqual([endedMatchId, currentMatchId]);
  });

  it('the referring prison sees both with their status and dates, but not who the mentors are', async () => {
    const history = await api.ok<{ referral: { matches: HistoryMatch[] } }>(
      HISTORY,
      { id: referralId },
      world.prison.token,
    );
    expect(history.referral.matches.map((m) => [m.id, m.status])).toEqual([
      [endedMatchId, 'ENDED'],
      [currentMatchId, 'ACCEPTED'],
    ]);
    expect(history.referral.matches.every((m) => m.proposedAt && m.respondedAt)).toBe(true);

    const asked = await api.gql<{ referral: { matches: { volunteer: unknown }[] } | null }>(
      HISTORY_WITH_VOLUNTEER,
      { id: referralId },
      world.prison.token,
    );
    expect(codeOf(asked)).toBe('FORBIDDEN');
    expect(JSON.stringify(asked.data ?? null)).not.toContain(departed.id);
    expect(JSON.stringify(asked.data ?? null)).not.toContain(next.id);
  });

  it('another prison and a coordinator of another organisation do not reach the referral', async () => {
    const otherOrg = await createOrganisation(api, world.admin);
    const otherCoordinator = await createStaff(api, world.admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
    for (const token of [otherCoordinator.token, world.otherPrison.token]) {
      const result = await api.gql<{ referral: unknown }>(HISTORY, { id: referralId }, token);
      expect(result.data?.referral).toBeNull();
    }
  });

  it('the new mentor sees only their own match in the list', async () => {
    const mine = await api.ok<{
      myMatches: {
        id: string;
        referral: { id: string; matches: { id: string; status: string }[] };
      }[];
    }>(MY_MATCHES, {}, next.token);
    const here = mine.myMatches.find((m) => m.referral.id === referralId);
    expect(here?.referral.matches).toEqual([{ id: currentMatchId, status: 'ACCEPTED' }]);
  });

  it('the mentor who left can no longer reach the referral or its matches', async () => {
    const mine = await api.ok<{ myMatches: unknown[] }>(MY_MATCHES, {}, departed.token);
    expect(mine.myMatches).toEqual([]);
    const direct = await api.gql<{ referral: unknown }>(
      HISTORY,
      { id: referralId },
      departed.token,
    );
    expect(direct.data?.referral).toBeNull();
  });

  it('leaves out proposed and declined matches', async () => {
    const declining = await accommodationMentor(api, world, 'Declining mentor');
    const proposing = await accommodationMentor(api, world, 'Proposed mentor');
    const referral = await acceptedReferral(api, world);
    const declined = (
      await api.ok<{ proposeMatch: { id: string } }>(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: declining.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    await api.ok(RESPOND_TO_MATCH, { id: declined.id, accept: false }, declining.token);
    await api.ok(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: proposing.id },
      world.coordinator.token,
    );
    const history = await api.ok<{ referral: { matches: HistoryMatch[] } }>(
      HISTORY,
      { id: referral.id },
      world.coordinator.token,
    );
    expect(history.referral.matches).toEqual([]);
  });
});

describe('listing referrals with their matches', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('reads the matches of four referrals in as many SQL statements as of one', async () => {
    const world = await referralWorld(api, { capacity: 50 });
    const mentor = await accommodationMentor(api, world, 'Busy mentor');
    for (let i = 0; i < 3; i += 1) await acceptedMatch(api, world, mentor);
    await acceptedReferral(api, world);
    const statementsFor = (first: number) =>
      statementsDuring(api, async () => {
        const data = await api.ok<{ referrals: { matches: { id: string }[] }[] }>(
          LISTED,
          { first },
          world.coordinator.token,
        );
        expect(data.referrals).toHaveLength(first);
      });

    // The caller's account status is read once and then cached, not per list.
    await statementsFor(1);
    const one = await statementsFor(1);
    const four = await statementsFor(4);
    expect(four.some((sql) => sql.includes('"matches"'))).toBe(true);
    expect(four.length).toBe(one.length);
    expect(four.length).toBeLessThanOrEqual(2);
  });
});
