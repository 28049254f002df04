import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { SET_VOLUNTEER_STATUS } from './support/factories';
import {
  MATCH_FIELDS,
  today,
  PROPOSE_MATCH,
  RESPOND_TO_MATCH,
  acceptedMatch,
  accommodationMentor,
  outboxRows,
  referralWorld,
} from './support/matching';

// A mentor who is withdrawn or rejected leaves no relationship behind: their accepted matches end
// in the same transaction, each referral goes back to ACCEPTED (the person still needs a mentor and
// keeps their place in the scheme), the coordinators are told to propose another, and the mentor no
// longer sees the people they mentored (prison number, risk level).

const END_MATCH = `mutation($id: ID!, $reason: String!) { endMatch(id: $id, reason: $reason) { id status } }`;
const REFERRAL_STATE = `query($id: ID!) {
  referral(id: $id) { id status match { id status volunteer { id } } scheme { id activeMentees } }
}`;
const VOLUNTEER_STATE = `query($id: ID!) { volunteer(id: $id) { id status activeMentees } }`;
const LOG_SESSION = `mutation($input: LogSessionInput!) { logSession(input: $input) { id } }`;
const RECORD_OUTCOME = `mutation($matchId: ID!, $stage: OutcomeStage!, $ratings: [OutcomeRatingInput!]!) {
  recordOutcome(matchId: $matchId, stage: $stage, ratings: $ratings) { id sessions { id } }
}`;
const MY_MATCHES = `{ myMatches { ${MATCH_FIELDS} referral { personReference riskLevel } } }`;

interface ReferralState {
  referral: {
    status: string;
    match: { id: string; status: string; volunteer: { id: string } } | null;
    scheme: { id: string; activeMentees: number };
  };
}

describe('a mentor leaving with accepted matches', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api, { capacity: 50 });
  });
  afterAll(() => api.stop());

  const matchMentor = (name: string) => accommodationMentor(api, world, name);

  const referralState = async (id: string) =>
    (await api.ok<ReferralState>(REFERRAL_STATE, { id }, world.coordinator.token)).referral;

  const matchRow = async (id: string) =>
    (
      await api.app
        .get(DataSource)
        .query('SELECT status, end_reason FROM matches WHERE id = $1', [id])
    )[0] as { status: string; end_reason: string | null };

  it.each([
    ['REJECTED by the coordinator', 'REJECTED', "The organisation ended the mentor's volunteering"],
    ['WITHDRAWN by themselves', 'WITHDRAWN', 'The mentor withdrew from volunteering'],
  ])(
    '%s: matches end, referrals wait for a new mentor with their place kept',
    async (_how, status, endReason) => {
      const mentor = await matchMentor(`Leaving mentor ${status}`);
      const first = await acceptedMatch(api, world, mentor);
      const second = await acceptedMatch(api, world, mentor);
      const placesBefore = (await referralState(first.referral.id)).scheme.activeMentees;
      expect(
        (await api.ok<{ myMatches: unknown[] }>(MY_MATCHES, {}, mentor.token)).myMatches,
      ).toHaveLength(2);

      const actor = status === 'WITHDRAWN' ? mentor.token : world.coordinator.token;
      await api.ok(
        SET_VOLUNTEER_STATUS,
        { id: mentor.id, status, reason: 'a private reason' },
        actor,
      );

      for (const { referral, match } of [first, second]) {
        const state = await referralState(referral.id);
        expect(state.status).toBe('ACCEPTED');
        // The coordinators see the latest match, ended, until they propose another mentor.
        expect(state.match).toMatchObject({ id: match.id, status: 'ENDED' });
        expect(await matchRow(match.id)).toEqual({ status: 'ENDED', end_reason: endReason });
        const told = await outboxRows(api, 'match.ended', match.id);
        expect(told).toHaveLength(1);
        expect(told[0].data).toMatchObject({ mentorLeft: true });
        expect(told[0].recipients.every((r) => r.audience === 'coordinator')).toBe(true);
        expect(JSON.stringify(told[0])).not.toContain('a private reason');
      }
      expect((await referralState(first.referral.id)).scheme.activeMentees).toBe(placesBefore);
      const volunteer = await api.ok<{ volunteer: { status: string; activeMentees: number } }>(
        VOLUNTEER_STATE,
        { id: mentor.id },
        world.coordinator.token,
      );
      expect(volunteer.volunteer).toMatchObject({ status, activeMentees: 0 });

      // The mentor no longer sees the people they mentored.
      const mine = await api.gql<{ myMatches: unknown[] }>(MY_MATCHES, {}, mentor.token);
      expect(mine.errors).toBeUndefined();
      expect(mine.data?.myMatches).toEqual([]);

      const [audit] = await api.app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'match.ended' AND entity_id = ANY($1::text[])`,
          [[first.match.id, second.match.id]],
        );
      expect(audit.n).toBe(2);
      // Each referral's return to ACCEPTED is audited on the referral, naming its ended match.
      const reopened: { entity_id: string; details: { matchId: string; because: string } }[] =
        await api.app
          .get(DataSource)
          .query(
            `SELECT entity_id, details FROM audit_events WHERE action = 'referral.reopened' AND entity_id = ANY($1::text[]) ORDER BY created_at`,
            [[first.referral.id, second.referral.id]],
          );
      expect(reopened.map((row) => row.details.because)).toEqual([status, status]);
      expect(reopened.map((row) => row.details.matchId).sort()).toEqual(
        [first.match.id, second.match.id].sort(),
      );
    },
  );

  it('the referral can be matched with another mentor at once', async () => {
    const leaving = await matchMentor('Leaving mentor');
    const { referral } = await acceptedMatch(api, world, leaving);
    await api.ok(
      SET_VOLUNTEER_STATUS,
      { id: leaving.id, status: 'REJECTED', reason: 'barred' },
      world.coordinator.token,
    );

    const next = await matchMentor('Next mentor');
    const proposal = await api.ok<{ proposeMatch: { id: string } }>(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: next.id },
      world.coordinator.token,
    );
    await api.ok(RESPOND_TO_MATCH, { id: proposal.proposeMatch.id, accept: true }, next.token);
    const state = await referralState(referral.id);
    expect(state.status).toBe('MATCHED');
    expect(state.match).toMatchObject({ status: 'ACCEPTED', volunteer: { id: next.id } });
  });

  it('racing endMatch: one of the two ends the match, never an internal error or a negative count', async () => {
    for (let round = 0; round < 6; round += 1) {
      const mentor = await matchMentor(`Racing mentor ${round}`);
      const { referral, match } = await acceptedMatch(api, world, mentor);
      const [ended, rejected] = await Promise.all([
        api.gql(END_MATCH, { id: match.id, reason: 'moving away' }, world.coordinator.token),
        api.gql(
          SET_VOLUNTEER_STATUS,
          { id: mentor.id, status: 'REJECTED', reason: 'barred' },
          world.coordinator.token,
        ),
      ]);
      expect(codeOf(rejected)).toBeUndefined();
      // Not a deadlock victim (also CONFLICT, "try again"): the two take their locks in one order.
      if (codeOf(ended)) expect(ended.errors?.[0].message).toBe('The match has already ended');
      expect((await matchRow(match.id)).status).toBe('ENDED');
      // endMatch first: the referral is CLOSED; the departure first: it waits for a new mentor.
      const expected = codeOf(ended) === undefined ? 'CLOSED' : 'ACCEPTED';
      expect((await referralState(referral.id)).status).toBe(expected);
      const volunteer = await api.ok<{ volunteer: { activeMentees: number } }>(
        VOLUNTEER_STATE,
        { id: mentor.id },
        world.coordinator.token,
      );
      expect(volunteer.volunteer.activeMentees).toBe(0);
    }
  });

  it('the mentor who left can no longer log sessions or record outcomes on the ended match', async () => {
    const leaving = await matchMentor('Departing rater');
    const { match } = await acceptedMatch(api, world, leaving);
    const session = {
      input: { matchId: match.id, date: today(api), minutes: 60, pathways: ['ACCOMMODATION'] },
    };
    await api.ok(LOG_SESSION, session, world.coordinator.token);
    await api.ok(SET_VOLUNTEER_STATUS, { id: leaving.id, status: 'WITHDRAWN' }, leaving.token);

    expect(codeOf(await api.gql(LOG_SESSION, session, leaving.token))).toBe('NOT_FOUND');
    // Ratings would let them write about the person's needs, and read the sessions back.
    const rated = await api.gql<{ recordOutcome: { sessions: unknown[] } }>(
      RECORD_OUTCOME,
      { matchId: match.id, stage: 'START', ratings: [{ pathway: 'ACCOMMODATION', rating: 2 }] },
      leaving.token,
    );
    expect(codeOf(rated)).toBe('NOT_FOUND');
    expect(rated.data?.recordOutcome).toBeFalsy();
  });
});
