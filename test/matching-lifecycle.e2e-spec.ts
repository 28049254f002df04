import { Clock, addDays } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { SET_VOLUNTEER_STATUS } from './support/factories';
import {
  PROPOSE_MATCH,
  RESPOND_TO_MATCH,
  SUGGEST_MENTORS,
  UPDATE_RELEASE_DATE,
  WITHDRAW_REFERRAL,
  acceptedMatch,
  acceptedReferral,
  accommodationMentor,
  outboxRows,
  proposedMatch,
  referralWorld,
  sweepReleaseDaysOf,
  today,
} from './support/matching';

// The referral, match and volunteer lifecycles once a mentor's departure can send a referral back
// to ACCEPTED (so a referral may have an ENDED match and a new one): counters, notices, release,
// outcomes and the states around them.

jest.setTimeout(90_000);

const END_MATCH = `mutation($id: ID!, $reason: String!) { endMatch(id: $id, reason: $reason) { id status } }`;
const REFERRAL_STATE = `query($id: ID!) {
  referral(id: $id) {
    id status releaseDate releasedOn
    match { id status volunteer { id } }
    scheme { id activeMentees }
  }
}`;
const VOLUNTEER_STATE = `query($id: ID!) { volunteer(id: $id) { id status activeMentees } }`;
const RECORD_OUTCOME = `mutation($matchId: ID!, $stage: OutcomeStage!, $ratings: [OutcomeRatingInput!]!) {
  recordOutcome(matchId: $matchId, stage: $stage, ratings: $ratings) { id status }
}`;
const OUTCOME_SUMMARY = `query($organisationId: ID!, $from: Date!, $to: Date!) {
  outcomeSummary(organisationId: $organisationId, from: $from, to: $to) { pathway people meanChange improved }
}`;

interface ReferralState {
  status: string;
  releaseDate: string;
  releasedOn: string | null;
  match: { id: string; status: string; volunteer: { id: string } } | null;
  scheme: { id: string; activeMentees: number };
}

describe('lifecycles around a re-matched referral', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let clock: Clock;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api, { capacity: 50 });
    clock = api.app.get(Clock);
  });
  afterEach(() => clock.set(null));
  afterAll(() => api.stop());

  const mentor = (name: string, w = world) => accommodationMentor(api, w, name);
  const referralState = async (id: string, token = world.coordinator.token) =>
    (await api.ok<{ referral: ReferralState }>(REFERRAL_STATE, { id }, token)).referral;
  const volunteerState = async (id: string, token = world.coordinator.token) =>
    (
      await api.ok<{ volunteer: { status: string; activeMentees: number } }>(
        VOLUNTEER_STATE,
        { id },
        token,
      )
    ).volunteer;
  const reject = (volunteerId: string, token = world.coordinator.token) =>
    api.ok(SET_VOLUNTEER_STATUS, { id: volunteerId, status: 'REJECTED', reason: 'barred' }, token);
  const proposeAndAccept = async (
    referralId: string,
    next: { id: string; token: string },
    token = world.coordinator.token,
  ) => {
    const { proposeMatch } = await api.ok<{ proposeMatch: { id: string } }>(
      PROPOSE_MATCH,
      { referralId, volunteerId: next.id },
      token,
    );
    await api.ok(RESPOND_TO_MATCH, { id: proposeMatch.id, accept: true }, next.token);
    return proposeMatch.id;
  };
  const setDay = (day: string) => clock.set(`${day}T12:00:00Z`);

  describe('withdrawReferral once a mentor is matched', () => {
    it('is refused for MATCHED and ACTIVE referrals: the match, the place and the load stay', async () => {
      const m = await mentor('Withdraw-guard mentor');
      const matched = await acceptedMatch(api, world, m);
      const active = await acceptedMatch(api, world, m);
      await api.ok(
        UPDATE_RELEASE_DATE,
        { referralId: active.referral.id, releaseDate: today(api) },
        world.prison.token,
      );
      const places = (await referralState(matched.referral.id)).scheme.activeMentees;
      for (const { referral, match } of [matched, active]) {
        const withdrawn = await api.gql(
          WITHDRAW_REFERRAL,
          { id: referral.id, reason: 'moved prison' },
          world.prison.token,
        );
        expect(codeOf(withdrawn)).toBe('CONFLICT');
        const state = await referralState(referral.id);
        expect(state.match).toMatchObject({ id: match.id, status: 'ACCEPTED' });
        expect(state.scheme.activeMentees).toBe(places);
      }
      expect(await volunteerState(m.id)).toMatchObject({ status: 'ACTIVE', activeMentees: 2 });
    });

    it('after a departure the ACCEPTED referral can be withdrawn: its place is freed', async () => {
      const m = await mentor('Departed before withdrawal');
      const { referral } = await acceptedMatch(api, world, m);
      const before = (await referralState(referral.id)).scheme.activeMentees;
      await reject(m.id);
      expect((await referralState(referral.id)).scheme.activeMentees).toBe(before);
      await api.ok(WITHDRAW_REFERRAL, { id: referral.id }, world.prison.token);
      const state = await referralState(referral.id);
      expect(state.status).toBe('WITHDRAWN');
      expect(state.scheme.activeMentees).toBe(before - 1);
    });
  });

  describe('a referral sent back to ACCEPTED by a departure', () => {
    it('cannot be proposed to the mentor who left (NOT_ELIGIBLE: status REJECTED)', async () => {
      const leaving = await mentor('Left and re-proposed');
      const { referral } = await acceptedMatch(api, world, leaving);
      await reject(leaving.id);
      const again = await api.gql(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: leaving.id },
        world.coordinator.token,
      );
      expect(codeOf(again)).toBe('NOT_ELIGIBLE');
      expect(again.errors?.[0].message).toContain('status REJECTED');
      const { suggestMentors } = await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
        SUGGEST_MENTORS,
        { referralId: referral.id, first: 50 },
        world.coordinator.token,
      );
      expect(suggestMentors.map((s) => s.volunteer.id)).not.toContain(leaving.id);
    });

    it('keeps every counter right through departure, re-match and end', async () => {
      const leaving = await mentor('Counter leaving');
      const { referral } = await acceptedMatch(api, world, leaving);
      const places = (await referralState(referral.id)).scheme.activeMentees;
      await reject(leaving.id);
      const next = await mentor('Counter next');
      const matchId = await proposeAndAccept(referral.id, next);

      let state = await referralState(referral.id);
      expect(state).toMatchObject({
        status: 'MATCHED',
        match: { id: matchId, status: 'ACCEPTED' },
      });
      expect(state.scheme.activeMentees).toBe(places);
      expect(await volunteerState(leaving.id)).toMatchObject({ activeMentees: 0 });
      expect(await volunteerState(next.id)).toMatchObject({ status: 'ACTIVE', activeMentees: 1 });

      await api.ok(END_MATCH, { id: matchId, reason: 'finished' }, world.coordinator.token);
      state = await referralState(referral.id);
      expect(state.status).toBe('CLOSED');
      expect(state.scheme.activeMentees).toBe(places - 1);
      expect(await volunteerState(next.id)).toMatchObject({ activeMentees: 0 });
    });

    it('release reminders go to the new mentor only, from the sweep that reads the accepted match', async () => {
      const start = today(api);
      const leaving = await mentor('Reminder leaving');
      const { referral, match: old } = await acceptedMatch(api, world, leaving, {
        releaseDate: addDays(start, 20),
      });
      await reject(leaving.id);
      const next = await mentor('Reminder next');
      const matchId = await proposeAndAccept(referral.id, next);
      setDay(addDays(start, 13));
      // This referral's reminders only: the database is shared with other test files.
      await sweepReleaseDaysOf(api, [referral.id]);
      expect(await outboxRows(api, 'match.release_reminder', old.id)).toEqual([]);
      const told = await outboxRows(api, 'match.release_reminder', matchId);
      expect(told).toHaveLength(1);
      expect(told[0].data).toMatchObject({ daysBefore: 7 });
    });

    it('the referring prison is told the mentor left, and of the new mentor as it was of the first', async () => {
      const leaving = await mentor('Prison told leaving');
      const { referral } = await acceptedMatch(api, world, leaving);
      expect(await outboxRows(api, 'referral.matched', referral.id)).toHaveLength(1);
      await reject(leaving.id);
      const next = await mentor('Prison told next');
      await proposeAndAccept(referral.id, next);
      // Each match is announced (the dedupe key names the match), and the departure in between.
      expect(await outboxRows(api, 'referral.matched', referral.id)).toHaveLength(2);
      const left = await outboxRows(api, 'referral.mentor_left', referral.id);
      expect(left).toHaveLength(1);
      expect(left[0].recipients.every((r) => r.audience === 'direct')).toBe(true);
    });

    it('a mentor leaving after the release date, before the sweep, still leaves it released', async () => {
      // The person was due out yesterday; the morning sweep has not made the referral ACTIVE yet
      // (it runs once a day and may come late). Their mentor leaves.
      const start = today(api);
      const leaving = await mentor('Leaving before the sweep');
      const { referral } = await acceptedMatch(api, world, leaving, {
        releaseDate: addDays(start, 1),
      });
      setDay(addDays(start, 2));
      await reject(leaving.id);
      const next = await mentor('Accepting after release');
      await proposeAndAccept(referral.id, next);
      // The release date has passed: the relationship is live at once, as when releasedOn is set
      // (respondToMatch) or a date moves to today (updateReleaseDate).
      expect(await referralState(referral.id)).toMatchObject({
        status: 'ACTIVE',
        releasedOn: addDays(start, 1),
      });
    });
  });

  it('racing an accept against the mentor leaving: nothing accepted is left behind, the load is 0', async () => {
    for (let round = 0; round < 5; round += 1) {
      const m = await mentor(`Racing accept ${round}`);
      const held = await acceptedMatch(api, world, m);
      const waiting = await proposedMatch(api, world, m);
      const [accepted, rejected] = await Promise.all([
        api.gql(RESPOND_TO_MATCH, { id: waiting.match.id, accept: true }, m.token),
        api.gql(
          SET_VOLUNTEER_STATUS,
          { id: m.id, status: 'REJECTED', reason: 'barred' },
          world.coordinator.token,
        ),
      ]);
      for (const result of [accepted, rejected])
        if (codeOf(result)) expect(codeOf(result)).toBe('CONFLICT');
      if (codeOf(rejected)) await reject(m.id); // a deadlock victim: the coordinator tries again
      expect(await volunteerState(m.id)).toMatchObject({ status: 'REJECTED', activeMentees: 0 });
      for (const { referral } of [held, waiting]) {
        const state = await referralState(referral.id);
        expect(state.status).toBe('ACCEPTED');
        expect(state.match?.status ?? 'NONE').not.toBe('ACCEPTED');
      }
    }
  });

  describe('the volunteer lifecycle beside the matches', () => {
    it("an ACTIVE mentor whose last match ends stays ACTIVE with no mentee, and can't go back to APPROVED", async () => {
      const m = await mentor('Ending last match');
      const { match } = await acceptedMatch(api, world, m);
      expect(await volunteerState(m.id)).toMatchObject({ status: 'ACTIVE', activeMentees: 1 });
      await api.ok(END_MATCH, { id: match.id, reason: 'finished' }, m.token);
      expect(await volunteerState(m.id)).toMatchObject({ status: 'ACTIVE', activeMentees: 0 });
      const back = await api.gql(
        SET_VOLUNTEER_STATUS,
        { id: m.id, status: 'APPROVED' },
        world.coordinator.token,
      );
      expect(codeOf(back)).toBe('CONFLICT');
    });

    it('an APPROVED mentor becomes ACTIVE by accepting a match, not by hand (domain.md: "has an accepted match"); the step is audited', async () => {
      const m = await mentor('Active without match');
      const byHand = await api.gql(
        SET_VOLUNTEER_STATUS,
        { id: m.id, status: 'ACTIVE' },
        world.coordinator.token,
      );
      expect(codeOf(byHand)).toBe('CONFLICT');
      expect(byHand.errors?.[0].message).toBe(
        'An approved volunteer becomes ACTIVE when they accept a match, not by hand',
      );
      expect(await volunteerState(m.id)).toMatchObject({ status: 'APPROVED', activeMentees: 0 });

      const statusSteps = () =>
        api.app.get(DataSource).query(
          `SELECT actor_user_id, details FROM audit_events
           WHERE action = 'volunteer.status_changed' AND entity_id = $1 ORDER BY created_at`,
          [m.id],
        );
      const before = await statusSteps();
      await acceptedMatch(api, world, m);
      expect(await volunteerState(m.id)).toMatchObject({ status: 'ACTIVE', activeMentees: 1 });
      const after = await statusSteps();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toEqual([
        {
          actor_user_id: m.userId,
          details: { from: 'APPROVED', to: 'ACTIVE', actorRole: 'MENTOR' },
        },
      ]);
      // A second accepted match changes no status, so it adds no step.
      await acceptedMatch(api, world, m);
      expect(await statusSteps()).toEqual(after);
    });

    it('a PAUSED mentor is not suggested, cannot be proposed and cannot accept an earlier proposal', async () => {
      const m = await mentor('Pausing mentor');
      await acceptedMatch(api, world, m); // ACTIVE, so PAUSED is reachable
      const { referral, match } = await proposedMatch(api, world, m);
      await api.ok(SET_VOLUNTEER_STATUS, { id: m.id, status: 'PAUSED' }, world.coordinator.token);

      const { suggestMentors } = await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
        SUGGEST_MENTORS,
        { referralId: referral.id, first: 50 },
        world.coordinator.token,
      );
      expect(suggestMentors.map((s) => s.volunteer.id)).not.toContain(m.id);
      const accepted = await api.gql(RESPOND_TO_MATCH, { id: match.id, accept: true }, m.token);
      expect(codeOf(accepted)).toBe('CONFLICT');
      const fresh = await acceptedReferral(api, world);
      const proposed = await api.gql(
        PROPOSE_MATCH,
        { referralId: fresh.id, volunteerId: m.id },
        world.coordinator.token,
      );
      expect(codeOf(proposed)).toBe('NOT_ELIGIBLE');
      expect(proposed.errors?.[0].message).toContain('status PAUSED');
      expect(await volunteerState(m.id)).toMatchObject({ status: 'PAUSED', activeMentees: 1 });
    });
  });

  describe('outcomes of a referral with two matches', () => {
    it('outcomeSummary counts one person once, from their first START to their latest END', async () => {
      const own = await referralWorld(api, { capacity: 5 });
      const leaving = await mentor('Outcome leaving', own);
      const { referral, match: first } = await acceptedMatch(api, own, leaving);
      const rate = (matchId: string, stage: string, rating: number) =>
        api.ok(
          RECORD_OUTCOME,
          { matchId, stage, ratings: [{ pathway: 'ACCOMMODATION', rating }] },
          own.coordinator.token,
        );
      await rate(first.id, 'START', 1);
      await reject(leaving.id, own.coordinator.token);
      // The ended match is still rateable (RATEABLE includes ENDED): the coordinator closes it.
      await rate(first.id, 'END', 2);
      const next = await mentor('Outcome next', own);
      const second = await proposeAndAccept(referral.id, next, own.coordinator.token);
      // The new match needs its own START before an END.
      const early = await api.gql(
        RECORD_OUTCOME,
        { matchId: second, stage: 'END', ratings: [{ pathway: 'ACCOMMODATION', rating: 4 }] },
        own.coordinator.token,
      );
      expect(codeOf(early)).toBe('CONFLICT');
      await rate(second, 'START', 2);
      await rate(second, 'END', 4);

      const { outcomeSummary } = await api.ok<{
        outcomeSummary: { pathway: string; people: number; meanChange: number; improved: number }[];
      }>(
        OUTCOME_SUMMARY,
        { organisationId: own.org.id, from: today(api), to: today(api) },
        own.coordinator.token,
      );
      // One person, referred once, went from 1 to 4 on ACCOMMODATION. Today: people 2, mean 1.5.
      expect(outcomeSummary).toEqual([
        expect.objectContaining({ pathway: 'ACCOMMODATION', people: 1 }),
      ]);
    });
  });

  it('audits and tells coordinators of each ended match on departure, with the referral id', async () => {
    const leaving = await mentor('Audited leaving');
    const { referral, match } = await acceptedMatch(api, world, leaving);
    await reject(leaving.id);
    const rows: { action: string; details: Record<string, unknown> }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT action, details FROM audit_events WHERE entity_type = 'match' AND entity_id = $1 ORDER BY created_at`,
        [match.id],
      );
    expect(rows.map((r) => r.action)).toEqual(['match.proposed', 'match.accepted', 'match.ended']);
    expect(rows[2].details).toMatchObject({ referralId: referral.id, because: 'REJECTED' });
    // The prison is not told its referral lost its mentor (only coordinators are).
    expect(await outboxRows(api, 'referral.closed', referral.id)).toEqual([]);
  });
});
