import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { SET_VOLUNTEER_STATUS } from './support/factories';
import {
  RESPOND_TO_MATCH,
  WITHDRAW_REFERRAL,
  clearedMentor,
  referralWorld,
  proposedMatch,
} from './support/matching';

// A proposal must not outlive the change that ends it: a mentor who has withdrawn or been rejected
// cannot accept an earlier proposal (respondToMatch re-checks status and clearance), and
// withdrawing a referral closes the proposal waiting for its mentor.

describe('stale proposals', () => {
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api);
  });
  afterAll(() => api.stop());

  async function proposal(mentorName: string) {
    const mentor = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: mentorName,
      pathways: ['ACCOMMODATION'],
    });
    const { referral, match } = await proposedMatch(api, world, mentor);
    return { mentor, referral, match };
  }

  const statusOf = async (table: string, id: string): Promise<string> =>
    (await api.app.get(DataSource).query(`SELECT status FROM ${table} WHERE id = $1`, [id]))[0]
      .status;

  it('a mentor who withdrew cannot accept an earlier proposal and stays WITHDRAWN', async () => {
    const { mentor, match } = await proposal('Withdrawing Mentor');
    await api.ok(SET_VOLUNTEER_STATUS, { id: mentor.id, status: 'WITHDRAWN' }, mentor.token);

    // Withdrawing closed the proposal at once, so the referral can go to another mentor.
    expect(await statusOf('matches', match.id)).toBe('DECLINED');
    const answer = await api.gql(RESPOND_TO_MATCH, { id: match.id, accept: true }, mentor.token);

    expect(await statusOf('volunteer_profiles', mentor.id)).toBe('WITHDRAWN');
    expect(codeOf(answer)).toBe('CONFLICT');
  });

  it('a REJECTED volunteer cannot accept an earlier proposal and stays REJECTED', async () => {
    const { mentor, match } = await proposal('Rejected Mentor');
    await api.ok(
      SET_VOLUNTEER_STATUS,
      { id: mentor.id, status: 'REJECTED', reason: 'failed interview' },
      world.coordinator.token,
    );

    expect(await statusOf('matches', match.id)).toBe('DECLINED');
    const answer = await api.gql(RESPOND_TO_MATCH, { id: match.id, accept: true }, mentor.token);

    expect(await statusOf('volunteer_profiles', mentor.id)).toBe('REJECTED');
    expect(codeOf(answer)).toBe('CONFLICT');
    const declined = await api.app
      .get(DataSource)
      .query(`SELECT kind FROM notification_outbox WHERE dedupe_key = $1`, [
        `match.declined:${match.id}`,
      ]);
    expect(declined).toEqual([{ kind: 'match.declined' }]);
  });

  it('withdrawing an accepted referral leaves no live (PROPOSED) match behind', async () => {
    const { referral, match } = await proposal('Proposed Mentor');
    await api.ok(WITHDRAW_REFERRAL, { id: referral.id, reason: 'moved' }, world.prison.token);

    expect(await statusOf('referrals', referral.id)).toBe('WITHDRAWN');
    expect(await statusOf('matches', match.id)).not.toBe('PROPOSED');
  });
});
