import { Clock, addDays } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { SET_VOLUNTEER_STATUS } from './support/factories';
import {
  EXCLUDED_MENTORS,
  PROPOSE_MATCH,
  RESPOND_TO_MATCH,
  SUGGEST_MENTORS,
  UPDATE_RELEASE_DATE,
  acceptedMatch,
  outboxRows,
  referralWorld,
  sweepReleaseDaysOf,
  today,
  accommodationMentor,
} from './support/matching';
import { clearanceOf } from './support/vetting';

// A referral whose person is already released (ACTIVE) and whose mentor then leaves goes back to
// ACCEPTED for a new mentor: the release stays history (releasedOn), a new mentor's accept makes
// it ACTIVE at once, and a new mentor must be cleared today, not on the (past) release date.

const REFERRAL_STATUS = `query($id: ID!) { referral(id: $id) { id status releaseDate releasedOn } }`;
const PROPOSE_ASSIGNMENTS = `query($schemeId: ID!) {
  proposeAssignments(schemeId: $schemeId) { proposals { referral { id } volunteer { id } } }
}`;

interface ReferralState {
  status: string;
  releaseDate: string;
  releasedOn: string | null;
}

describe('a released referral whose mentor leaves', () => {
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

  const mentor = (name: string) => accommodationMentor(api, world, name);
  const referralState = async (id: string) =>
    (await api.ok<{ referral: ReferralState }>(REFERRAL_STATUS, { id }, world.coordinator.token))
      .referral;
  const reject = (volunteerId: string) =>
    api.ok(
      SET_VOLUNTEER_STATUS,
      { id: volunteerId, status: 'REJECTED', reason: 'barred' },
      world.coordinator.token,
    );
  const propose = (referralId: string, volunteerId: string) =>
    api.gql<{ proposeMatch: { id: string } }>(
      PROPOSE_MATCH,
      { referralId, volunteerId },
      world.coordinator.token,
    );

  /** A referral MATCHED with a new mentor `name` and released today (ACTIVE). */
  const released = async (name: string) => {
    const leaving = await mentor(name);
    const { referral } = await acceptedMatch(api, world, leaving);
    await api.ok(
      UPDATE_RELEASE_DATE,
      { referralId: referral.id, releaseDate: today(api) },
      world.prison.token,
    );
    expect(await referralState(referral.id)).toEqual(
      expect.objectContaining({ status: 'ACTIVE', releasedOn: today(api) }),
    );
    return { referral, leaving };
  };
  /** As `released`, then the mentor is rejected: the referral is ACCEPTED again. */
  const releasedThenMentorLeft = async (name: string) => {
    const { referral, leaving } = await released(name);
    await reject(leaving.id);
    return referral;
  };

  it('keeps its release as history: releasedOn stays, updateReleaseDate stays CONFLICT', async () => {
    const { referral, leaving } = await released('Leaving after release');
    const releaseDay = today(api);
    await reject(leaving.id);
    expect(await referralState(referral.id)).toEqual(
      expect.objectContaining({
        status: 'ACCEPTED',
        releaseDate: releaseDay,
        releasedOn: releaseDay,
      }),
    );

    // Back to ACCEPTED, the person is still out: no new release date (nor, later, its reminders).
    for (const releaseDate of [addDays(releaseDay, 60), releaseDay]) {
      const moved = await api.gql(
        UPDATE_RELEASE_DATE,
        { referralId: referral.id, releaseDate },
        world.prison.token,
      );
      expect(codeOf(moved)).toBe('CONFLICT');
      expect(moved.errors?.[0].message).toBe(
        `The release date of a released referral cannot change (released on ${releaseDay})`,
      );
    }
  });

  it('becomes ACTIVE at once when a new mentor accepts, with no release reminders', async () => {
    const referral = await releasedThenMentorLeft('Leaving before the new mentor');
    const next = await mentor('Mentor after release');
    const proposed = await propose(referral.id, next.id);
    expect(codeOf(proposed)).toBeUndefined();
    const matchId = proposed.data!.proposeMatch.id;
    await api.ok(RESPOND_TO_MATCH, { id: matchId, accept: true }, next.token);

    // The person is already out: the new relationship is live at once, not MATCHED until a sweep.
    expect(await referralState(referral.id)).toEqual(
      expect.objectContaining({ status: 'ACTIVE', releasedOn: today(api) }),
    );
    await sweepReleaseDaysOf(api, [referral.id]);
    expect(await outboxRows(api, 'match.release_reminder', matchId)).toEqual([]);
  });

  it('never reminds of the release of a released referral, whatever its row says', async () => {
    const referral = await releasedThenMentorLeft('Leaving before a forced state');
    const next = await mentor('Mentor of a forced state');
    const { proposeMatch } = await api.ok<{ proposeMatch: { id: string } }>(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: next.id },
      world.coordinator.token,
    );
    await api.ok(RESPOND_TO_MATCH, { id: proposeMatch.id, accept: true }, next.token);
    // A state no mutation makes any more (a released referral MATCHED, released in 7 days): the
    // reminders still hold back, as they did not before releasedOn existed.
    await api.app
      .get(DataSource)
      .query(`UPDATE referrals SET status = 'MATCHED', release_date = $2::date WHERE id = $1`, [
        referral.id,
        addDays(today(api), 7),
      ]);
    await sweepReleaseDaysOf(api, [referral.id]);
    expect(await outboxRows(api, 'match.release_reminder', proposeMatch.id)).toEqual([]);
  });

  describe('a mentor whose DBS is past its re-check date today (but not on the release date)', () => {
    // clearedMentor's DBS was issued 2026-06-01: re-check date 2029-06-01, the last day it counts.
    const LAPSED = '2029-06-15T12:00:00Z';

    it('is neither suggested, nor proposed, nor planned', async () => {
      const referral = await releasedThenMentorLeft('Leaving before re-match');
      const next = await mentor('Lapsed mentor');
      clock.set(LAPSED);
      const todayClearance = await clearanceOf(api, world.coordinator.token, next.id, {
        schemeId: world.scheme.id,
      });
      expect(todayClearance.cleared).toBe(false);

      const { suggestMentors } = await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
        SUGGEST_MENTORS,
        { referralId: referral.id, first: 50 },
        world.coordinator.token,
      );
      expect(suggestMentors.map((s) => s.volunteer.id)).not.toContain(next.id);
      const { excludedMentors } = await api.ok<{
        excludedMentors: { volunteer: { id: string }; reasons: string[] }[];
      }>(EXCLUDED_MENTORS, { referralId: referral.id, first: 50 }, world.coordinator.token);
      expect(excludedMentors.find((e) => e.volunteer.id === next.id)?.reasons).toEqual([
        expect.stringMatching(/DBS/),
      ]);
      const { proposeAssignments } = await api.ok<{
        proposeAssignments: {
          proposals: { referral: { id: string }; volunteer: { id: string } }[];
        };
      }>(PROPOSE_ASSIGNMENTS, { schemeId: world.scheme.id }, world.coordinator.token);
      expect(proposeAssignments.proposals).not.toContainEqual(
        expect.objectContaining({ volunteer: { id: next.id } }),
      );

      const proposed = await propose(referral.id, next.id);
      expect(codeOf(proposed)).toBe('NOT_ELIGIBLE');
    });

    it('cannot accept a proposal made while the DBS still counted', async () => {
      const referral = await releasedThenMentorLeft('Leaving before a late accept');
      const next = await mentor('Mentor who accepts late');
      const proposed = await propose(referral.id, next.id);
      expect(codeOf(proposed)).toBeUndefined();

      clock.set(LAPSED);
      const accepted = await api.gql(
        RESPOND_TO_MATCH,
        { id: proposed.data!.proposeMatch.id, accept: true },
        next.token,
      );
      expect(codeOf(accepted)).toBe('NOT_ELIGIBLE');
      expect((await referralState(referral.id)).status).toBe('ACCEPTED');
    });
  });
});
