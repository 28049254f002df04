import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';

// Review of users(...), ADMIN's directory of accounts: who may read it, what it shows, and that bad
// arguments are the caller's mistake (BAD_USER_INPUT), never a server error.

const USERS = `query($role: Role, $organisationId: ID, $prisonCode: String, $disabled: Boolean,
  $search: String, $first: Int, $after: String) {
  users(role: $role, organisationId: $organisationId, prisonCode: $prisonCode, disabled: $disabled,
    search: $search, first: $first, after: $after) {
    totalCount
    edges { node { id email } }
  }
}`;

describe('users directory (review)', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('is for ADMINs only: coordinators, prison staff and mentors are FORBIDDEN, no token UNAUTHENTICATED', async () => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const staff = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
    const mentor = await registerMentor(api);
    for (const token of [coordinator.token, staff.token, mentor.token]) {
      const result = await api.gql(USERS, {}, token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data?.users ?? null).toBeNull();
    }
    expect(codeOf(await api.gql(USERS, {}))).toBe('UNAUTHENTICATED');
  });

  it('has no field that could carry a password hash, token version or reset token', async () => {
    const type = await api.ok<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "User") { fields { name } } }',
      {},
      admin,
    );
    const names = type.__type.fields.map((field) => field.name.toLowerCase());
    for (const name of names) expect(name).not.toMatch(/password|hash|version|token|secret/);
    const page = await api.ok<{ users: { edges: { node: Record<string, unknown> }[] } }>(
      '{ users(first: 100) { edges { node { id email role prisonCode disabledAt organisation { id name } } } } }',
      {},
      admin,
    );
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/\$argon2/);
  });

  it.each([
    ['search with a NUL character', { search: 'a\u0000b' }],
    ['prisonCode with a NUL character', { prisonCode: 'L\u0000I' }],
    ['prisonCode too long', { prisonCode: 'ABCDEFG' }],
    ['search too long', { search: 'x'.repeat(255) }],
    ['organisationId not a UUID', { organisationId: 'not-a-uuid' }],
    ['first of 0', { first: 0 }],
    ['first over the page size', { first: 1_000_000 }],
    ['first of null', { first: null }],
    ['a cursor that is not one', { after: 'garbage' }],
    [
      'a cursor from far in the future',
      {
        after: Buffer.from(
          '99999-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000',
        ).toString('base64url'),
      },
    ],
    ['an unknown role', { role: 'ROOT' }],
  ])('%s is BAD_USER_INPUT, not a server error', async (_label, variables) => {
    const result = await api.gql(USERS, variables, admin);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });
});
