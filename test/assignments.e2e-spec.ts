import { randomUUID } from 'node:crypto';
import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import {
  PROPOSE_MATCH,
  RESPOND_TO_REFERRAL,
  SUGGEST_MENTORS,
  clearedMentor,
  createReferral,
  referralInput,
  referralWorld,
  acceptedReferral as acceptedReferralOf,
} from './support/matching';

const PROPOSE_ASSIGNMENTS = `query($schemeId: ID!) {
  proposeAssignments(schemeId: $schemeId) {
    proposals { referral { id status } volunteer { id displayName } score }
    totalScore greedyTotalScore
    unassigned { id riskLevel }
  }
}`;

interface Plan {
  proposals: {
    referral: { id: string; status: string };
    volunteer: { id: string };
    score: number;
  }[];
  totalScore: number;
  greedyTotalScore: number;
  unassigned: { id: string; riskLevel: string }[];
}

describe('proposeAssignments: the best plan for a scheme’s open referrals', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api, { maxRiskLevel: 'HIGH', languages: ['en', 'pl'] });
  });
  afterAll(() => api.stop());

  const acceptedReferral = (schemeId: string, overrides: Record<string, unknown> = {}) =>
    acceptedReferralOf(api, world, overrides, schemeId);

  async function plan(schemeId: string, token = world.coordinator.token): Promise<Plan> {
    return (await api.ok<{ proposeAssignments: Plan }>(PROPOSE_ASSIGNMENTS, { schemeId }, token))
      .proposeAssignments;
  }

  /** suggestMentors' score of each mentor for a referral: the plan must use the same numbers. */
  async function scores(referralId: string): Promise<Map<string, number>> {
    const data = await api.ok<{ suggestMentors: { volunteer: { id: string }; score: number }[] }>(
      SUGGEST_MENTORS,
      { referralId, first: 100 },
      world.coordinator.token,
    );
    return new Map(data.suggestMentors.map((s) => [s.volunteer.id, s.score]));
  }

  it('beats greedy where the best pair first blocks a better plan, and leaves out a referral no mentor may take', async () => {
    // Polly knows both needs and speaks Polish: her best pair is the Polish speaker's. Wes knows
    // employment only. Greedy gives Polly to the Polish speaker and Wes to the housing need he
    // does not know; the best plan swaps them.
    const polly = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Polly Both',
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
      languages: ['en', 'pl'],
      livedExperience: true,
      maxMentees: 1,
    });
    const wes = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Wes Work',
      pathways: ['EDUCATION_TRAINING_EMPLOYMENT'],
      livedExperience: false,
      maxMentees: 1,
    });
    const housing = await acceptedReferral(world.scheme.id, { needs: ['ACCOMMODATION'] });
    const work = await acceptedReferral(world.scheme.id, {
      needs: ['EDUCATION_TRAINING_EMPLOYMENT'],
      languages: ['pl'],
    });
    // HIGH risk needs a year of active service; these mentors were approved today.
    const highRisk = await acceptedReferral(world.scheme.id, { riskLevel: 'HIGH' });
    // A referral that is only SENT is not the coordinator's to assign yet.
    await createReferral(api, world.prison.token, referralInput(api, world.scheme.id));

    const forHousing = await scores(housing.id);
    const forWork = await scores(work.id);
    expect((await scores(highRisk.id)).size).toBe(0);
    const best = forHousing.get(polly.id)! + forWork.get(wes.id)!;
    const greedy = forWork.get(polly.id)! + forHousing.get(wes.id)!;
    // The design holds: Polly with the Polish speaker is the single best pair.
    expect(forWork.get(polly.id)!).toBeGreaterThan(
      Math.max(forHousing.get(polly.id)!, forWork.get(wes.id)!, forHousing.get(wes.id)!),
    );

    const result = await plan(world.scheme.id);
    const pairs = Object.fromEntries(result.proposals.map((p) => [p.referral.id, p.volunteer.id]));
    expect(pairs).toEqual({ [housing.id]: polly.id, [work.id]: wes.id });
    expect(result.proposals.find((p) => p.referral.id === housing.id)!.score).toBe(
      forHousing.get(polly.id),
    );
    expect(result.totalScore).toBeCloseTo(best, 2);
    expect(result.greedyTotalScore).toBeCloseTo(greedy, 2);
    expect(result.totalScore).toBeGreaterThan(result.greedyTotalScore);
    expect(result.unassigned).toEqual([{ id: highRisk.id, riskLevel: 'HIGH' }]);

    // Nothing was written: the referrals are still ACCEPTED with no match, and each proposal
    // is confirmed with proposeMatch, after which the plan has nothing left to assign.
    expect(result.proposals.map((p) => p.referral.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
    for (const proposal of result.proposals) {
      await api.ok(
        PROPOSE_MATCH,
        { referralId: proposal.referral.id, volunteerId: proposal.volunteer.id },
        world.coordinator.token,
      );
    }
    const after = await plan(world.scheme.id, world.admin);
    expect(after.proposals).toEqual([]);
    expect(after.totalScore).toBe(0);
    expect(after.greedyTotalScore).toBe(0);
    expect(after.unassigned.map((r) => r.id)).toEqual([highRisk.id]);
  });

  it('never gives a mentor more referrals than their free places', async () => {
    // An organisation of its own, so the first test's mentors are not candidates here.
    const own = await referralWorld(api);
    const tess = await clearedMentor(api, own.coordinator.token, own.org.id, {
      displayName: 'Tess Two',
      pathways: ['ACCOMMODATION'],
      maxMentees: 2,
    });
    const uma = await clearedMentor(api, own.coordinator.token, own.org.id, {
      displayName: 'Uma One',
      pathways: ['FINANCE_BENEFIT_DEBT'],
      maxMentees: 1,
    });
    const referrals = [];
    for (let i = 0; i < 4; i++) {
      const referral = await createReferral(
        api,
        own.prison.token,
        referralInput(api, own.scheme.id, { needs: ['ACCOMMODATION'] }),
      );
      await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, own.coordinator.token);
      referrals.push(referral);
    }
    const [first] = referrals;
    const data = await api.ok<{ suggestMentors: { volunteer: { id: string }; score: number }[] }>(
      SUGGEST_MENTORS,
      { referralId: first.id, first: 10 },
      own.coordinator.token,
    );
    const score = new Map(data.suggestMentors.map((s) => [s.volunteer.id, s.score]));
    expect(score.get(tess.id)!).toBeGreaterThan(score.get(uma.id)!);

    const result = await plan(own.scheme.id, own.coordinator.token);
    const perMentor = new Map<string, number>();
    for (const p of result.proposals) {
      perMentor.set(p.volunteer.id, (perMentor.get(p.volunteer.id) ?? 0) + 1);
    }
    expect(Object.fromEntries(perMentor)).toEqual({ [tess.id]: 2, [uma.id]: 1 });
    // Eligible, but no place left: the fourth referral waits.
    expect(result.unassigned).toHaveLength(1);
    const planned = [...result.proposals.map((p) => p.referral.id), result.unassigned[0].id];
    expect(planned.sort()).toEqual(referrals.map((r) => r.id).sort());
    const expected = 2 * score.get(tess.id)! + score.get(uma.id)!;
    expect(result.totalScore).toBeCloseTo(expected, 2);
    expect(result.greedyTotalScore).toBeCloseTo(expected, 2);
  });

  it('is for the scheme’s organisation: others are refused, an unknown scheme is NOT_FOUND', async () => {
    const otherOrg = await createOrganisation(api, world.admin);
    const otherCoordinator = await createStaff(api, world.admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
    const variables = { schemeId: world.scheme.id };
    expect(codeOf(await api.gql(PROPOSE_ASSIGNMENTS, variables, otherCoordinator.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(PROPOSE_ASSIGNMENTS, variables, world.prison.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(PROPOSE_ASSIGNMENTS, variables))).toBe('UNAUTHENTICATED');
    for (const schemeId of [randomUUID(), 'not-an-id']) {
      expect(
        codeOf(await api.gql(PROPOSE_ASSIGNMENTS, { schemeId }, world.coordinator.token)),
      ).toBe('NOT_FOUND');
    }
  });
});
