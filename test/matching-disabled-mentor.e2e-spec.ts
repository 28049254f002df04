import { TestApi, codeOf } from './support/app';
import {
  EXCLUDED_MENTORS,
  PROPOSE_MATCH,
  SUGGEST_MENTORS,
  acceptedReferral,
  clearedMentor,
  proposedMatch,
  referralWorld,
} from './support/matching';

// A mentor whose account an ADMIN disabled cannot sign in to answer a proposal, so while disabled
// they are not matchable: not suggested, not planned, not proposable, and excludedMentors says why.
// Their volunteer profile and any match already proposed to them are left as they were.

const DISABLE_USER = 'mutation($id: ID!) { disableUser(id: $id) { id } }';
const ENABLE_USER = 'mutation($id: ID!) { enableUser(id: $id) { id } }';
const PROPOSE_ASSIGNMENTS = `query($schemeId: ID!) {
  proposeAssignments(schemeId: $schemeId) { proposals { referral { id } volunteer { id } } }
}`;
const REFERRAL_MATCH = `query($id: ID!) {
  referral(id: $id) { id status match { id status volunteer { id status } } }
}`;
const DISABLED_REASON = 'account disabled: cannot sign in to answer';

describe('matching: a mentor whose account is disabled', () => {
  let api: TestApi;
  let admin: string;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let staying: Awaited<ReturnType<typeof clearedMentor>>;
  let leaving: Awaited<ReturnType<typeof clearedMentor>>;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    world = await referralWorld(api);
    // `leaving` is the better fit (both needs, lived experience), so the plan picks them when it may.
    staying = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Staying Mentor',
      pathways: ['HEALTH'],
      livedExperience: false,
      maxMentees: 3,
    });
    leaving = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Leaving Mentor',
      pathways: ['ACCOMMODATION', 'HEALTH'],
      livedExperience: true,
      maxMentees: 3,
    });
  });
  afterAll(() => api.stop());

  const suggested = async (referralId: string) =>
    (
      await api.ok<{ suggestMentors: { volunteer: { id: string } }[] }>(
        SUGGEST_MENTORS,
        { referralId, first: 10 },
        world.coordinator.token,
      )
    ).suggestMentors.map((s) => s.volunteer.id);
  const excluded = async (referralId: string) =>
    (
      await api.ok<{ excludedMentors: { volunteer: { id: string }; reasons: string[] }[] }>(
        EXCLUDED_MENTORS,
        { referralId, first: 10 },
        world.coordinator.token,
      )
    ).excludedMentors.map((e) => ({ id: e.volunteer.id, reasons: e.reasons }));
  const planned = async () =>
    (
      await api.ok<{
        proposeAssignments: {
          proposals: { referral: { id: string }; volunteer: { id: string } }[];
        };
      }>(PROPOSE_ASSIGNMENTS, { schemeId: world.scheme.id }, world.coordinator.token)
    ).proposeAssignments.proposals.map((p) => ({
      referral: p.referral.id,
      volunteer: p.volunteer.id,
    }));
  const matchOf = async (referralId: string) =>
    (
      await api.ok<{
        referral: {
          match: { id: string; status: string; volunteer: { id: string; status: string } };
        };
      }>(REFERRAL_MATCH, { id: referralId }, world.coordinator.token)
    ).referral.match;

  it('is not suggested, planned or proposable while disabled, says why, and is matchable again once enabled', async () => {
    const waiting = await proposedMatch(api, world, leaving);
    const referral = await acceptedReferral(api, world, { needs: ['ACCOMMODATION', 'HEALTH'] });
    expect(await suggested(referral.id)).toEqual([leaving.id, staying.id]);
    expect(await planned()).toEqual([{ referral: referral.id, volunteer: leaving.id }]);

    await api.ok(DISABLE_USER, { id: leaving.userId }, admin);

    expect(await suggested(referral.id)).toEqual([staying.id]);
    expect(await excluded(referral.id)).toEqual([{ id: leaving.id, reasons: [DISABLED_REASON] }]);
    const refused = await api.gql(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: leaving.id },
      world.coordinator.token,
    );
    expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions.reasons).toEqual([DISABLED_REASON]);
    expect(refused.errors?.[0].message).toBe(
      `Leaving Mentor cannot be proposed: ${DISABLED_REASON}`,
    );
    expect(await planned()).toEqual([{ referral: referral.id, volunteer: staying.id }]);

    // The proposal made before stays waiting for coordinators to see; the profile is untouched.
    expect(await matchOf(waiting.referral.id)).toEqual({
      id: waiting.match.id,
      status: 'PROPOSED',
      volunteer: { id: leaving.id, status: 'APPROVED' },
    });

    await api.ok(ENABLE_USER, { id: leaving.userId }, admin);

    expect(await suggested(referral.id)).toEqual([leaving.id, staying.id]);
    expect(await excluded(referral.id)).toEqual([]);
    expect(await planned()).toEqual([{ referral: referral.id, volunteer: leaving.id }]);
    const proposed = await api.ok<{ proposeMatch: { status: string } }>(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: leaving.id },
      world.coordinator.token,
    );
    expect(proposed.proposeMatch.status).toBe('PROPOSED');
  });
});
