import { TestApi } from './support/app';
import {
  PROPOSE_MATCH,
  RESPOND_TO_MATCH,
  RESPOND_TO_REFERRAL,
  clearedMentor,
  createReferral,
  referralInput,
  referralWorld,
} from './support/matching';

// What a mentor reaches through their own matches (myMatches → referral → match). domain.md: a
// MENTOR sees their own profile, checks, match proposals and notifications, never another mentor's
// data; prison numbers and risk levels only while the role needs them (not after declining).

jest.setTimeout(60_000);

describe('a mentor and the referrals of their matches', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let first: Awaited<ReturnType<typeof clearedMentor>>;
  let second: Awaited<ReturnType<typeof clearedMentor>>;
  let referral: Awaited<ReturnType<typeof createReferral>>;
  let declined: { id: string };
  let secondMatch: { id: string };

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api);
    first = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'First Mentor',
    });
    second = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Second Mentor',
    });
    referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id, { riskLevel: 'MEDIUM' }),
    );
    await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    // The first mentor is proposed and declines; the coordinator then proposes the second one.
    declined = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: first.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    await api.ok(RESPOND_TO_MATCH, { id: declined.id, accept: false }, first.token);
    secondMatch = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: second.id },
        world.coordinator.token,
      )
    ).proposeMatch;
  }, 60_000);
  afterAll(() => api.stop());

  it('drops a proposal the mentor declined from myMatches, with its referral', async () => {
    const result = await api.ok(
      '{ myMatches { id status referral { id personReference riskLevel match { id } } } }',
      {},
      first.token,
    );
    expect(result.myMatches).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(referral.personReference);
    expect(JSON.stringify(result)).not.toContain(secondMatch.id);
  });

  it('shows the proposed mentor the referral and, through it, only their own match', async () => {
    const result = await api.ok(
      '{ myMatches { id status referral { id personReference riskLevel match { id status } } } }',
      {},
      second.token,
    );
    expect(result.myMatches).toEqual([
      {
        id: secondMatch.id,
        status: 'PROPOSED',
        referral: {
          id: referral.id,
          personReference: referral.personReference,
          riskLevel: 'MEDIUM',
          match: { id: secondMatch.id, status: 'PROPOSED' },
        },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(declined.id);
  });
});
