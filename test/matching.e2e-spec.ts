import type { TestApi } from './support/app';
import { OwnApi, startOwnApi } from './support/own-stack';

// The first step searches every scheme for LS6 (at most 100 answers) and expects this file's: on the
// run's shared database other files' Leeds schemes rank alongside it and, in numbers, could push
// it past the 100th. So the file has a database of its own (startOwnApi); the app's modules (and
// the helpers that load them) are imported only after that environment is set.
type Core = typeof import('@app/core');
type App = typeof import('./support/app');
type Factories = typeof import('./support/factories');
type Matching = typeof import('./support/matching');
type Schemes = typeof import('./support/schemes');
let Role: Core['Role'];
let codeOf: App['codeOf'];
let createOrganisation: Factories['createOrganisation'];
let createStaff: Factories['createStaff'];
let registerMentor: Factories['registerMentor'];
let EXCLUDED_MENTORS: string;
let PROPOSE_MATCH: string;
let REFERRAL: string;
let RESPOND_TO_MATCH: string;
let RESPOND_TO_REFERRAL: string;
let SUGGEST_MENTORS: string;
let clearedMentor: Matching['clearedMentor'];
let createReferral: Matching['createReferral'];
let outboxRows: Matching['outboxRows'];
let referralInput: Matching['referralInput'];
let referralWorld: Matching['referralWorld'];
let acceptedReferralOf: Matching['acceptedReferral'];
let SEARCH_SERVICES: string;
let tokenFor: Schemes['tokenFor'];

const MATCH_PATH = `query($id: ID!) {
  referral(id: $id) { id status match { id status volunteer { id displayName activeMentees status } } }
}`;

describe('matching: suggestions, proposals and the mentor’s answer', () => {
  let stack: OwnApi;
  let api: TestApi;
  let world: Awaited<ReturnType<typeof referralWorld>>;
  let otherCoordinator: string;
  let near: Awaited<ReturnType<typeof clearedMentor>>;
  let multilingual: Awaited<ReturnType<typeof clearedMentor>>;
  let unvetted: Awaited<ReturnType<typeof registerMentor>>;

  beforeAll(async () => {
    stack = await startOwnApi('matching');
    ({ api } = stack);
    ({ Role } = await import('@app/core'));
    ({ codeOf } = await import('./support/app'));
    ({ createOrganisation, createStaff, registerMentor } = await import('./support/factories'));
    const m = await import('./support/matching');
    ({ EXCLUDED_MENTORS, PROPOSE_MATCH, REFERRAL, RESPOND_TO_MATCH, RESPOND_TO_REFERRAL } = m);
    ({ SUGGEST_MENTORS, clearedMentor, createReferral, outboxRows, referralInput } = m);
    ({ referralWorld, acceptedReferral: acceptedReferralOf } = m);
    ({ SEARCH_SERVICES, tokenFor } = await import('./support/schemes'));
    world = await referralWorld(api);
    const otherOrg = await createOrganisation(api, world.admin);
    otherCoordinator = (
      await createStaff(api, world.admin, { role: 'COORDINATOR', organisationId: otherOrg.id })
    ).token;
    near = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Near Mentor',
      pathways: ['ACCOMMODATION'],
      livedExperience: false,
    });
    multilingual = await clearedMentor(api, world.coordinator.token, world.org.id, {
      displayName: 'Polish Mentor',
      pathways: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
      languages: ['en', 'pl'],
      livedExperience: true,
    });
    unvetted = await registerMentor(api, {
      organisationId: world.org.id,
      displayName: 'Unvetted Mentor',
    });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const acceptedReferral = (overrides: Record<string, unknown> = {}) =>
    acceptedReferralOf(api, world, overrides);

  it('runs search → referral → acceptance → suggestion → proposal → decline → proposal → acceptance, notifying each step', async () => {
    const found = await api.ok(
      SEARCH_SERVICES,
      { input: { releasePostcode: 'LS6 1AA', needs: ['ACCOMMODATION'], first: 100 } },
      world.prison.token,
    );
    expect(found.searchServices.map((m: { scheme: { id: string } }) => m.scheme.id)).toContain(
      world.scheme.id,
    );

    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id, {
        needs: ['ACCOMMODATION', 'EDUCATION_TRAINING_EMPLOYMENT'],
        languages: ['en', 'pl'],
      }),
    );
    expect(await outboxRows(api, 'referral.received', referral.id)).toHaveLength(1);
    expect(
      codeOf(await api.gql(SUGGEST_MENTORS, { referralId: referral.id }, world.coordinator.token)),
    ).toBe('CONFLICT');
    await api.ok(RESPOND_TO_REFERRAL, { id: referral.id, accept: true }, world.coordinator.token);
    expect(await outboxRows(api, 'referral.accepted', referral.id)).toHaveLength(1);

    const suggested = (
      await api.ok(SUGGEST_MENTORS, { referralId: referral.id }, world.coordinator.token)
    ).suggestMentors;
    expect(suggested.map((s: { volunteer: { id: string } }) => s.volunteer.id)).toEqual([
      multilingual.id,
      near.id,
    ]);
    const [best] = suggested;
    expect(best.reasons).toEqual(
      expect.arrayContaining([
        'knows 2 of 2 needs (accommodation, work)',
        'speaks pl',
        'has lived experience',
      ]),
    );
    expect(best.components.map((c: { name: string }) => c.name)).toEqual([
      'needsExpertise',
      'distance',
      'load',
      'sharedLanguage',
      'livedExperience',
    ]);
    expect(best.score).toBeCloseTo(
      best.components.reduce((sum: number, c: { points: number }) => sum + c.points, 0),
      1,
    );

    const excluded = (
      await api.ok(EXCLUDED_MENTORS, { referralId: referral.id }, world.coordinator.token)
    ).excludedMentors;
    const why = excluded.find((e: { volunteer: { id: string } }) => e.volunteer.id === unvetted.id);
    expect(why.reasons).toEqual(
      expect.arrayContaining([
        'status APPLIED',
        expect.stringMatching(/^not cleared in time: /),
      ]),
    );

    const first = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: multilingual.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    expect(first.status).toBe('PROPOSED');
    const [proposed] = await outboxRows(api, 'match.proposed', first.id);
    expect(proposed.recipients).toEqual([{ userId: multilingual.userId, audience: 'direct' }]);
    expect(
      codeOf(
        await api.gql(
          PROPOSE_MATCH,
          { referralId: referral.id, volunteerId: near.id },
          world.coordinator.token,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(await api.gql(RESPOND_TO_MATCH, { id: first.id, accept: true }, near.token)),
    ).toBe('NOT_FOUND');

    const declined = (
      await api.ok(RESPOND_TO_MATCH, { id: first.id, accept: false }, multilingual.token)
    ).respondToMatch;
    expect(declined.status).toBe('DECLINED');
    expect((await outboxRows(api, 'match.declined', first.id))[0].recipients).toEqual([
      { userId: world.coordinator.id, audience: 'coordinator' },
    ]);
    expect(
      codeOf(await api.gql(RESPOND_TO_MATCH, { id: first.id, accept: true }, multilingual.token)),
    ).toBe('CONFLICT');
    expect(
      (await api.ok(REFERRAL, { id: referral.id }, world.coordinator.token)).referral.status,
    ).toBe('ACCEPTED');

    const second = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: near.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    const mine = await api.ok(
      '{ myMatches { id status referral { id releaseOutcode needs } } }',
      {},
      near.token,
    );
    expect(mine.myMatches).toEqual([
      {
        id: second.id,
        status: 'PROPOSED',
        referral: { id: referral.id, releaseOutcode: 'LS6', needs: expect.any(Array) },
      },
    ]);
    const accepted = (await api.ok(RESPOND_TO_MATCH, { id: second.id, accept: true }, near.token))
      .respondToMatch;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', respondedAt: expect.any(String) });
    expect((await outboxRows(api, 'match.accepted', second.id))[0].recipients).toEqual([
      { userId: world.coordinator.id, audience: 'coordinator' },
    ]);
    expect((await outboxRows(api, 'referral.matched', referral.id))[0].recipients).toContainEqual({
      userId: world.prison.id,
      audience: 'direct',
    });

    const seen = (await api.ok(MATCH_PATH, { id: referral.id }, world.coordinator.token)).referral;
    expect(seen).toMatchObject({
      status: 'MATCHED',
      match: {
        id: second.id,
        status: 'ACCEPTED',
        volunteer: { id: near.id, activeMentees: 1, status: 'ACTIVE' },
      },
    });
  });

  it('keeps referral.match.volunteer from the prison and referrals from another organisation', async () => {
    const referral = await acceptedReferral();
    const match = (
      await api.ok(
        PROPOSE_MATCH,
        { referralId: referral.id, volunteerId: multilingual.id },
        world.coordinator.token,
      )
    ).proposeMatch;
    const prisonView = await api.gql(MATCH_PATH, { id: referral.id }, world.prison.token);
    // The non-null volunteer's error nulls the (nullable) match; the referral itself stays visible.
    expect(prisonView.data?.referral).toMatchObject({ id: referral.id, match: null });
    expect(codeOf(prisonView)).toBe('FORBIDDEN');
    const statusOnly = await api.ok(
      'query($id: ID!) { referral(id: $id) { match { id status } } }',
      { id: referral.id },
      world.prison.token,
    );
    expect(statusOnly.referral.match).toEqual({ id: match.id, status: 'PROPOSED' });
    expect((await api.ok(MATCH_PATH, { id: referral.id }, otherCoordinator)).referral).toBeNull();
  });

  it('refuses suggestions and proposals to the wrong people and for the wrong mentors', async () => {
    const referral = await acceptedReferral();
    expect(
      codeOf(await api.gql(SUGGEST_MENTORS, { referralId: referral.id }, otherCoordinator)),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await api.gql(SUGGEST_MENTORS, { referralId: referral.id }, world.prison.token)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await api.gql(
          SUGGEST_MENTORS,
          { referralId: referral.id, first: 0 },
          world.coordinator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(
          PROPOSE_MATCH,
          { referralId: referral.id, volunteerId: near.id },
          otherCoordinator,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await api.gql(
          PROPOSE_MATCH,
          { referralId: referral.id, volunteerId: near.id },
          await tokenFor(api, Role.MENTOR),
        ),
      ),
    ).toBe('FORBIDDEN');

    const refused = await api.gql(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: unvetted.id },
      world.coordinator.token,
    );
    expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions.reasons).toEqual(
      expect.arrayContaining(['status APPLIED']),
    );

    const far = await clearedMentor(api, world.coordinator.token, world.org.id, {
      postcode: 'M1 1AA',
      travelRadiusKm: 10,
      deliveryModes: ['IN_PERSON'],
    });
    const tooFar = await api.gql(
      PROPOSE_MATCH,
      { referralId: referral.id, volunteerId: far.id },
      world.coordinator.token,
    );
    expect(codeOf(tooFar)).toBe('NOT_ELIGIBLE');
    expect((tooFar.errors?.[0].extensions.reasons as string[])[0]).toMatch(
      /^lives \d+(\.\d)? km away \(travels 10 km\)/,
    );
  });
});
