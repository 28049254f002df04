import { TestApi, unique } from './app';

export const STRONG_PASSWORD = 'a long and memorable passphrase';

/** Organisation created by the admin through the API. */
export async function createOrganisation(api: TestApi, adminToken: string, input: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const data = await api.ok<{ createOrganisation: { id: string; name: string } }>(
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }',
    { input: { name: unique('Org'), ...input } },
    adminToken,
  );
  return data.createOrganisation;
}

/** A staff account created by the admin, signed in. */
export async function createStaff(
  api: TestApi,
  adminToken: string,
  input: { role: 'ADMIN' | 'COORDINATOR' | 'PRISON_STAFF'; organisationId?: string; prisonCode?: string },
): Promise<{ id: string; email: string; token: string }> {
  const email = `${unique(input.role.toLowerCase())}@example.org`;
  const data = await api.ok<{ createStaffUser: { id: string } }>(
    'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
    { input: { email, password: STRONG_PASSWORD, ...input } },
    adminToken,
  );
  return { id: data.createStaffUser.id, email, token: await api.login(email, STRONG_PASSWORD) };
}

/** A valid RegisterMentorInput (LS6, English), with overrides. */
export function mentorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: `${unique('mentor')}@example.org`,
    password: STRONG_PASSWORD,
    displayName: 'Sam Mentor',
    postcode: 'LS6 1AA',
    gender: 'FEMALE',
    languages: ['en'],
    pathways: ['ACCOMMODATION'],
    livedExperience: true,
    consentToProcessing: true,
    ...overrides,
  };
}

export const REGISTER_MENTOR = `mutation($input: RegisterMentorInput!) {
  registerMentor(input: $input) { accessToken user { id email role } }
}`;

/** A mentor registered through registerMentor, signed in, with their profile id. */
export async function registerMentor(
  api: TestApi,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; userId: string; email: string; token: string }> {
  const input = mentorInput(overrides);
  const data = await api.ok<{ registerMentor: { accessToken: string; user: { id: string } } }>(REGISTER_MENTOR, { input });
  const token = data.registerMentor.accessToken;
  const own = await api.ok<{ myVolunteerProfile: { id: string } }>('{ myVolunteerProfile { id } }', {}, token);
  return { id: own.myVolunteerProfile.id, userId: data.registerMentor.user.id, email: input.email as string, token };
}

/** `count` mentors registered with an organisation, a few at a time, in no guaranteed order. */
export async function registerMentors(api: TestApi, count: number, organisationId: string, batch = 10) {
  const mentors: Awaited<ReturnType<typeof registerMentor>>[] = [];
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    mentors.push(...(await Promise.all(Array.from({ length: size }, () => registerMentor(api, { organisationId })))));
  }
  return mentors;
}

export const SET_VOLUNTEER_STATUS = `mutation($id: ID!, $status: VolunteerStatus!, $reason: String) {
  setVolunteerStatus(id: $id, status: $status, reason: $reason) { id status }
}`;

/** Moves a volunteer through the listed statuses, failing the test on any refusal. */
export async function walkVolunteerStatus(api: TestApi, token: string, id: string, statuses: string[]): Promise<void> {
  for (const status of statuses) await api.ok(SET_VOLUNTEER_STATUS, { id, status }, token);
}

/**
 * `count` APPLIED volunteers of an organisation written straight to the database, for tests that
 * need many rows fast (registerMentor hashes a password each time). Their accounts cannot sign in.
 */
export async function insertVolunteers(api: TestApi, count: number, organisationId: string | null): Promise<string[]> {
  const { DataSource } = await import('typeorm');
  const rows: { id: string }[] = await api.app.get(DataSource).query(
    `WITH created AS (
       INSERT INTO users (email, password_hash, role)
       SELECT $1 || '-' || n || '@example.org', 'not-a-password-hash', 'MENTOR' FROM generate_series(1, $2::int) AS n
       RETURNING id, email
     )
     INSERT INTO volunteer_profiles
       (user_id, organisation_id, display_name, outcode, location, travel_radius_km, gender, languages, pathways,
        lived_experience, delivery_modes, max_mentees)
     SELECT id, $3::uuid, 'Bulk ' || email, 'LS6', ST_GeogFromText('POINT(-1.56623 53.8185)'), 15, 'NOT_STATED',
            '{en}', '{ACCOMMODATION}', false, '{IN_PERSON}', 2
       FROM created
     RETURNING id`,
    [unique('bulk'), count, organisationId],
  );
  return rows.map((row) => row.id);
}
