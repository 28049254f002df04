import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import {
  REGISTER_MENTOR,
  STRONG_PASSWORD,
  createOrganisation,
  mentorInput,
  registerMentor,
} from './support/factories';

const PROFILE = `{ myVolunteerProfile {
  id displayName status outcode travelRadiusKm gender languages pathways livedExperience
  deliveryModes maxMentees activeMentees createdAt
  user { id email role } organisation { id name }
} }`;

// Registration hashes a password (argon2) per mentor. Jest 30's runner reads the global testTimeout,
// not the e2e project's 30 s in jest.config.js (tests were cut off at 5 s), so this file sets its own.
jest.setTimeout(30_000);

describe('mentor registration', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.stop());

  it('registers a mentor with an APPLIED profile, signs them in, and lets them sign in again', async () => {
    const org = await createOrganisation(api, admin);
    const email = `${unique('Mentor')}@Example.org`;
    const input = mentorInput({
      email,
      displayName: '  Ayesha  K ',
      postcode: 'ls61aa',
      languages: ['EN', 'ur', 'en'],
      pathways: ['HEALTH', 'EDUCATION_TRAINING_EMPLOYMENT'],
      deliveryModes: ['PHONE', 'IN_PERSON'],
      travelRadiusKm: 25.5,
      maxMentees: 3,
      organisationId: org.id,
    });
    const data = await api.ok(REGISTER_MENTOR, { input });
    expect(data.registerMentor.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      role: 'MENTOR',
    });

    const own = (await api.ok(PROFILE, {}, data.registerMentor.accessToken)).myVolunteerProfile;
    expect(own).toEqual({
      id: expect.any(String),
      displayName: 'Ayesha K',
      status: 'APPLIED',
      outcode: 'LS6',
      travelRadiusKm: 25.5,
      gender: 'FEMALE',
      languages: ['en', 'ur'],
      pathways: ['HEALTH', 'EDUCATION_TRAINING_EMPLOYMENT'],
      livedExperience: true,
      deliveryModes: ['PHONE', 'IN_PERSON'],
      maxMentees: 3,
      activeMentees: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      user: { id: data.registerMentor.user.id, email: email.toLowerCase(), role: 'MENTOR' },
      organisation: { id: org.id, name: org.name },
    });

    const token = await api.login(email, STRONG_PASSWORD);
    expect((await api.ok('{ myVolunteerProfile { id } }', {}, token)).myVolunteerProfile.id).toBe(
      own.id,
    );
  });

  it('applies the defaults: IN_PERSON, 15 km, two mentees, no organisation', async () => {
    const mentor = await registerMentor(api, { postcode: 'M14 5AB' });
    const own = (
      await api.ok(
        '{ myVolunteerProfile { outcode deliveryModes travelRadiusKm maxMentees organisation { id } } }',
        {},
        mentor.token,
      )
    ).myVolunteerProfile;
    expect(own).toEqual({
      outcode: 'M14',
      deliveryModes: ['IN_PERSON'],
      travelRadiusKm: 15,
      maxMentees: 2,
      organisation: null,
    });
  });

  it('keeps only the outcode and its centroid, and audits the registration without the postcode', async () => {
    const mentor = await registerMentor(api, { postcode: 'BD7 1DP' });
    const [row] = await db.query(
      `SELECT to_jsonb(v) - 'location' AS profile, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng
         FROM volunteer_profiles v WHERE id = $1`,
      [mentor.id],
    );
    expect(row.profile.outcode).toBe('BD7');
    expect(JSON.stringify(row.profile)).not.toMatch(/1DP/i);
    expect(row.lat).toBeCloseTo(53.7842, 4);
    expect(row.lng).toBeCloseTo(-1.78105, 4);

    const audit = await db.query(
      `SELECT action, actor_user_id, details FROM audit_events WHERE entity_id = $1`,
      [mentor.id],
    );
    expect(audit).toEqual([
      {
        action: 'volunteer.registered',
        actor_user_id: mentor.userId,
        details: { userId: mentor.userId, organisationId: null, status: 'APPLIED' },
      },
    ]);
    const everything = await db.query(
      `SELECT details::text AS d FROM audit_events WHERE entity_id IN ($1, $2)`,
      [mentor.id, mentor.userId],
    );
    expect(JSON.stringify(everything)).not.toMatch(/BD7|1DP/i);
  });

  it.each([
    ['input.email', { email: 'not-an-email' }, 'must be a valid email address'],
    ['input.password', { password: 'too short' }, undefined],
    ['input.displayName', { displayName: '   ' }, undefined],
    ['input.displayName', { displayName: 'x'.repeat(121) }, undefined],
    ['input.postcode', { postcode: 'LS6 1' + 'QQQ' }, 'is not a UK postcode'],
    ['input.postcode', { postcode: 'ZZ9 9ZZ' }, 'unknown postcode district'],
    ['input.consentToProcessing', { consentToProcessing: false }, undefined],
    ['input.languages', { languages: ['en', 'xx'] }, undefined],
    ['input.languages', { languages: ['english'] }, undefined],
    ['input.languages', { languages: [] }, undefined],
    ['input.travelRadiusKm', { travelRadiusKm: 0 }, undefined],
    ['input.travelRadiusKm', { travelRadiusKm: 201 }, undefined],
    ['input.maxMentees', { maxMentees: 0 }, undefined],
    ['input.maxMentees', { maxMentees: 6 }, undefined],
    ['input.deliveryModes', { deliveryModes: [] }, undefined],
    [
      'input.organisationId',
      { organisationId: '5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70' },
      'no such organisation',
    ],
    ['input.organisationId', { organisationId: 'not-a-uuid' }, 'no such organisation'],
  ] as [string, Record<string, unknown>, string | undefined][])(
    'refuses a bad %s (%j) with BAD_USER_INPUT',
    async (field, override, message) => {
      const input = mentorInput(override);
      const result = await api.gql(REGISTER_MENTOR, { input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      const fields = result.errors?.[0].extensions.fields ?? [];
      expect(fields.map((f) => f.field)).toEqual([field]);
      if (message) expect(fields[0].message).toBe(message);
      expect(JSON.stringify(result)).not.toContain('QQQ');
      // Nothing half-created: the email is still free.
      if (field === 'input.email') return;
      expect(
        codeOf(await api.gql(REGISTER_MENTOR, { input: mentorInput({ email: input.email }) })),
      ).toBeUndefined();
    },
  );

  it('reports several bad fields at once', async () => {
    const result = await api.gql(REGISTER_MENTOR, {
      input: mentorInput({ email: 'nope', maxMentees: 9, consentToProcessing: false }),
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual([
      'input.consentToProcessing',
      'input.email',
      'input.maxMentees',
    ]);
  });

  it('refuses values outside the contract enums before running', async () => {
    expect(
      codeOf(await api.gql(REGISTER_MENTOR, { input: mentorInput({ pathways: ['GARDENING'] }) })),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(REGISTER_MENTOR, {
          input: mentorInput({ deliveryModes: ['CARRIER_PIGEON'] }),
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses an email already registered, whatever its case, with CONFLICT', async () => {
    const mentor = await registerMentor(api);
    const again = await api.gql(REGISTER_MENTOR, {
      input: mentorInput({ email: mentor.email.toUpperCase() }),
    });
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('creates exactly one account and one profile when the same email registers twice at once', async () => {
    const email = `${unique('race')}@example.org`;
    const results = await Promise.all(
      [1, 2, 3].map(() => api.gql(REGISTER_MENTOR, { input: mentorInput({ email }) })),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', undefined]);
    const [{ users, profiles }] = await db.query(
      `SELECT count(DISTINCT u.id)::int AS users, count(v.id)::int AS profiles
         FROM users u LEFT JOIN volunteer_profiles v ON v.user_id = u.id WHERE u.email = $1`,
      [email],
    );
    expect({ users, profiles }).toEqual({ users: 1, profiles: 1 });
  });

  it('answers myVolunteerProfile only for mentors', async () => {
    expect(codeOf(await api.gql('{ myVolunteerProfile { id } }', {}, admin))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql('{ myVolunteerProfile { id } }'))).toBe('UNAUTHENTICATED');
  });
});
