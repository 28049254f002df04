import { Clock } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import {
  REGISTER_MENTOR,
  SET_VOLUNTEER_STATUS,
  STRONG_PASSWORD,
  mentorInput,
  registerMentor,
} from './support/factories';
import {
  CREATE_REFERRAL,
  RESPOND_TO_REFERRAL,
  WITHDRAW_REFERRAL,
  clearedMentor,
  createReferral,
  referralInput,
  referralWorld,
  acceptedMatch,
} from './support/matching';
import { CREATE_SCHEME, SEARCH_SERVICES, UPDATE_SCHEME, schemeInput } from './support/schemes';
import { RECORD_OUTCOME, requestCheck } from './support/vetting';

// A NUL character (U+0000) in any text argument: PostgreSQL cannot store one ("invalid byte sequence
// for encoding UTF8: 0x00"), so it is the client's bad input, refused as BAD_USER_INPUT before
// anything runs (nulCharactersPlugin), and nothing is written.

jest.setTimeout(120_000);

const NUL = '\u0000';
const CREATE_ORGANISATION =
  'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }';
const CREATE_STAFF =
  'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }';
const LOG_SESSION = 'mutation($input: LogSessionInput!) { logSession(input: $input) { id } }';
const END_MATCH =
  'mutation($id: ID!, $reason: String!) { endMatch(id: $id, reason: $reason) { id status } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

type World = Awaited<ReturnType<typeof referralWorld>>;

describe('a NUL character in any text argument is BAD_USER_INPUT, never an internal error', () => {
  let api: TestApi;
  let db: DataSource;
  let world: World;

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
    world = await referralWorld(api);
  });
  afterAll(() => api.stop());

  function expectBadInput(result: Parameters<typeof codeOf>[0]) {
    expect(result.errors?.[0]?.message).not.toBe('Internal server error');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  }

  it('registerMentor with a NUL in displayName: BAD_USER_INPUT, no account created', async () => {
    const input = mentorInput({ displayName: `Sam${NUL}` });
    const result = await api.gql(REGISTER_MENTOR, { input });
    expectBadInput(result);
    expect(result.errors?.[0]?.extensions.fields).toEqual([
      { field: 'input.displayName', message: 'must not contain a NUL character (U+0000)' },
    ]);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
      input.email,
    ]);
    expect(n).toBe(0);
  });

  it('registerMentor with a NUL in email: BAD_USER_INPUT on input.email, no account created', async () => {
    const input = mentorInput({ email: `sam${NUL}${unique('x')}@example.org` });
    const result = await api.gql(REGISTER_MENTOR, { input });
    expectBadInput(result);
    // PostgreSQL cannot even be asked about such an email: look for it without the NUL.
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
      (input.email as string).toLowerCase().replace(NUL, ''),
    ]);
    expect(n).toBe(0);
  });

  it('searchServices with a NUL in prisonCode: BAD_USER_INPUT', async () => {
    const result = await api.gql(
      SEARCH_SERVICES,
      { input: { releasePostcode: 'LS6', prisonCode: `LE${NUL}I` } },
      world.prison.token,
    );
    expectBadInput(result);
  });

  it('createOrganisation with a NUL in name: BAD_USER_INPUT', async () => {
    const name = unique('Org');
    expectBadInput(
      await api.gql(CREATE_ORGANISATION, { input: { name: `${name}${NUL}` } }, world.admin),
    );
  });

  it.each([
    ['description', { description: `One-to-one${NUL}mentoring` }],
    ['prisonsServed', { prisonsServed: [`LE${NUL}I`] }],
    ['coverageLocalAuthorities', { coverageLocalAuthorities: [`E0800${NUL}0035`] }],
  ])('createScheme with a NUL in %s: BAD_USER_INPUT', async (_field, overrides) => {
    const name = unique('NUL scheme');
    const result = await api.gql(
      CREATE_SCHEME,
      { input: schemeInput(world.org.id, { name, ...overrides }) },
      world.coordinator.token,
    );
    expectBadInput(result);
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM schemes WHERE name = $1', [
      name,
    ]);
    expect(n).toBe(0);
  });

  it('updateScheme with a NUL in name: BAD_USER_INPUT, scheme unchanged', async () => {
    const result = await api.gql(
      UPDATE_SCHEME,
      { id: world.scheme.id, input: { name: `Renamed${NUL}` } },
      world.coordinator.token,
    );
    expectBadInput(result);
    const [row] = await db.query('SELECT name FROM schemes WHERE id = $1', [world.scheme.id]);
    expect(row.name).toBe(world.scheme.name);
  });

  it.each([
    ['prisonCode', { role: 'PRISON_STAFF', prisonCode: `LE${NUL}I` }, ''],
    ['email', { role: 'ADMIN' }, NUL],
  ])(
    'createStaffUser with a NUL in %s: BAD_USER_INPUT, no account',
    async (_field, fields, inEmail) => {
      const email = `${unique('staff')}${inEmail}@example.org`;
      const result = await api.gql(
        CREATE_STAFF,
        { input: { email, password: STRONG_PASSWORD, ...fields } },
        world.admin,
      );
      expectBadInput(result);
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        email.replace(NUL, ''),
      ]);
      expect(n).toBe(0);
    },
  );

  it('createReferral with a NUL in prisonCode: BAD_USER_INPUT', async () => {
    const result = await api.gql(
      CREATE_REFERRAL,
      { input: referralInput(api, world.scheme.id, { prisonCode: `LE${NUL}I` }) },
      world.prison.token,
    );
    expectBadInput(result);
  });

  it('respondToReferral (decline) and withdrawReferral with a NUL in reason: BAD_USER_INPUT, referral still SENT', async () => {
    const referral = await createReferral(
      api,
      world.prison.token,
      referralInput(api, world.scheme.id),
    );
    expectBadInput(
      await api.gql(
        RESPOND_TO_REFERRAL,
        { id: referral.id, accept: false, reason: `Full${NUL}` },
        world.coordinator.token,
      ),
    );
    expectBadInput(
      await api.gql(
        WITHDRAW_REFERRAL,
        { id: referral.id, reason: `Moved${NUL}` },
        world.prison.token,
      ),
    );
    const [row] = await db.query('SELECT status FROM referrals WHERE id = $1', [referral.id]);
    expect(row.status).toBe('SENT');
  });

  it('setVolunteerStatus REJECTED with a NUL in reason: BAD_USER_INPUT, status unchanged', async () => {
    const mentor = await registerMentor(api, { organisationId: world.org.id });
    const result = await api.gql(
      SET_VOLUNTEER_STATUS,
      { id: mentor.id, status: 'REJECTED', reason: `Not suitable${NUL}` },
      world.coordinator.token,
    );
    expectBadInput(result);
    const [row] = await db.query('SELECT status FROM volunteer_profiles WHERE id = $1', [
      mentor.id,
    ]);
    expect(row.status).toBe('APPLIED');
  });

  it('recordVettingOutcome with a NUL in notes: BAD_USER_INPUT, check still REQUESTED', async () => {
    const mentor = await registerMentor(api, { organisationId: world.org.id });
    const check = await requestCheck(api, world.coordinator.token, {
      volunteerId: mentor.id,
      kind: 'IDENTITY',
    });
    const result = await api.gql(
      RECORD_OUTCOME,
      { input: { checkId: check.id, status: 'REJECTED', notes: `Documents did not match${NUL}` } },
      world.coordinator.token,
    );
    expectBadInput(result);
    const [row] = await db.query('SELECT status FROM vetting_checks WHERE id = $1', [check.id]);
    expect(row.status).toBe('REQUESTED');
  });

  it('logSession (note) and endMatch (reason) with a NUL: BAD_USER_INPUT, nothing logged, match still ACCEPTED', async () => {
    const mentor = await clearedMentor(api, world.coordinator.token, world.org.id, {
      maxMentees: 5,
    });
    const { match } = await acceptedMatch(api, world, mentor);

    const today = api.app.get(Clock).today();
    expectBadInput(
      await api.gql(
        LOG_SESSION,
        {
          input: {
            matchId: match.id,
            date: today,
            minutes: 30,
            pathways: ['ACCOMMODATION'],
            note: `Hostel${NUL}`,
          },
        },
        mentor.token,
      ),
    );
    expectBadInput(
      await api.gql(END_MATCH, { id: match.id, reason: `Moved away${NUL}` }, mentor.token),
    );
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM mentoring_sessions WHERE match_id = $1',
      [match.id],
    );
    expect(n).toBe(0);
    const [row] = await db.query('SELECT status FROM matches WHERE id = $1', [match.id]);
    expect(row.status).toBe('ACCEPTED');
  });

  it('login with a NUL in the email: BAD_USER_INPUT, not an internal error', async () => {
    const result = await api.gql(LOGIN, {
      email: `someone${NUL}@example.org`,
      password: STRONG_PASSWORD,
    });
    expectBadInput(result);
  });

  it('a NUL written in the query itself is found too, and named by its argument', async () => {
    const result = await api.gql(
      'mutation { login(email: "someone\\u0000@example.org", password: "x") { accessToken } }',
    );
    expectBadInput(result);
    expect(result.errors?.[0]?.extensions.fields).toEqual([
      { field: 'email', message: 'must not contain a NUL character (U+0000)' },
    ]);
  });
});
