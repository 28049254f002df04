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
