import { TestApi, codeOf, unique } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';

// users(...): ADMIN's directory of accounts, e.g. to find the member of staff to disable.

const USERS = `query($role: Role, $organisationId: ID, $prisonCode: String, $disabled: Boolean,
  $search: String, $first: Int, $after: String) {
  users(role: $role, organisationId: $organisationId, prisonCode: $prisonCode, disabled: $disabled,
    search: $search, first: $first, after: $after) {
    totalCount
    edges { node { id email role prisonCode disabledAt organisation { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id } }';

interface Directory {
  totalCount: number;
  edges: {
    node: { id: string; email: string; role: string; organisation: { id: string } | null };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('users (ADMIN directory)', () => {
  let api: TestApi;
  let admin: string;
  let org: { id: string };
  let coordinators: { id: string; email: string; token: string }[];
  let mentor: { userId: string; email: string; token: string };

  const list = async (vars: Record<string, unknown>, token = admin): Promise<Directory> =>
    (await api.ok<{ users: Directory }>(USERS, vars, token)).users;
  const ids = (page: Directory) => page.edges.map((e) => e.node.id);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    org = await createOrganisation(api, admin);
    coordinators = [];
    for (let i = 0; i < 3; i += 1)
      coordinators.push(
        await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }),
      );
    mentor = await registerMentor(api, {
      organisationId: org.id,
      email: `${unique('dirmentor')}@example.org`,
    });
  });
  afterAll(() => api.stop());

  it("lists an organisation's staff accounts oldest first, by role, with their organisation", async () => {
    const all = await list({ organisationId: org.id });
    // Mentors belong to an organisation through their volunteer profile (see `volunteers`).
    expect(ids(all)).toEqual(coordinators.map((c) => c.id));
    expect(all.edges.every((e) => e.node.organisation?.id === org.id)).toBe(true);
    const onlyCoordinators = await list({ organisationId: org.id, role: 'COORDINATOR' });
    expect(ids(onlyCoordinators)).toEqual(coordinators.map((c) => c.id));
    expect(onlyCoordinators.totalCount).toBe(3);
  });

  it('pages with the usual cursor and finds an account by part of its email, any case', async () => {
    const first = await list({ organisationId: org.id, first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({ organisationId: org.id, first: 2, after: first.pageInfo.endCursor });
    expect([...ids(first), ...ids(rest)]).toEqual(coordinators.map((c) => c.id));
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const byEmail = await list({ search: coordinators[1].email.toUpperCase() });
    expect(ids(byEmail)).toEqual([coordinators[1].id]);
    const theMentor = await list({ role: 'MENTOR', search: mentor.email });
    expect(ids(theMentor)).toEqual([mentor.userId]);
    expect((await list({ organisationId: org.id, search: '%' })).totalCount).toBe(0);
  });

  it('narrows to disabled or enabled accounts, and to a prison', async () => {
    await api.ok(DISABLE, { id: coordinators[2].id }, admin);
    expect(ids(await list({ organisationId: org.id, disabled: true }))).toEqual([
      coordinators[2].id,
    ]);
    expect(ids(await list({ organisationId: org.id, disabled: false }))).toEqual([
      coordinators[0].id,
      coordinators[1].id,
    ]);
    const prison = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'CFI' });
    const cardiff = await list({ prisonCode: 'cfi', role: 'PRISON_STAFF', first: 100 });
    expect(ids(cardiff)).toContain(prison.id);
    expect(cardiff.edges.every((e) => e.node.role === 'PRISON_STAFF')).toBe(true);
  });

  it('is FORBIDDEN to every other role, and bad arguments are BAD_USER_INPUT', async () => {
    for (const token of [coordinators[0].token, mentor.token])
      expect(codeOf(await api.gql(USERS, {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(USERS, {}))).toBe('UNAUTHENTICATED');
    for (const vars of [
      { first: 0 },
      { first: 101 },
      { after: 'junk' },
      { organisationId: 'x' },
      { search: 'x'.repeat(255) },
    ])
      expect({ vars, code: codeOf(await api.gql(USERS, vars, admin)) }).toEqual({
        vars,
        code: 'BAD_USER_INPUT',
      });
  });
});
