import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import {
  RESPOND_TO_REFERRAL,
  createReferral,
  referralInput,
  referralWorld,
} from './support/matching';

describe('referrals: capacity under concurrent accepts', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('takes exactly 5 of 50 concurrent accepts at a 5-place scheme; the rest are CONFLICT', async () => {
    const world = await referralWorld(api, { capacity: 5 });
    const referrals = [];
    for (let i = 0; i < 50; i += 10) {
      referrals.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () =>
            createReferral(api, world.prison.token, referralInput(api, world.scheme.id)),
          ),
        )),
      );
    }

    const results = await Promise.all(
      referrals.map((referral) =>
        api.gql(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token),
      ),
    );

    expect(results.filter((result) => !result.errors).length).toBe(5);
    expect(results.filter((result) => codeOf(result) === 'CONFLICT').length).toBe(45);
    const [scheme] = await api.app.get(DataSource).query(
      `SELECT s.active_mentees, (SELECT count(*)::int FROM referrals r WHERE r.scheme_id = s.id AND r.status = 'ACCEPTED') AS accepted,
         (SELECT count(*)::int FROM scheme_events e WHERE e.scheme_id = s.id AND e.payload->>'change' = 'updated') AS announced
           FROM schemes s WHERE s.id = $1`,
      [world.scheme.id],
    );
    // Each place taken is announced (scheme.changed), so the public map's "places available" follows.
    expect(scheme).toEqual({ active_mentees: 5, accepted: 5, announced: 5 });
  });
});
