import { TestApi, codeOf, unique } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';

// A coordinator finds a mentor by part of their name or email, within their organisation only.

const VOLUNTEERS = `query($search: String, $status: VolunteerStatus, $first: Int, $after: String) {
  volunteers(search: $search, status: $status, first: $first, after: $after) {
    totalCount
    edges { cursor node { id displayName user { email } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; displayName: string; user: { email: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('volunteers(search)', () => {
  let api: TestApi;
  let coordinator: string;
  let stranger: { id: string };
  const tag = unique('t')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();

  const search = async (vars: Record<string, unknown>, token = coordinator): Promise<Page> =>
    (await api.ok<{ volunteers: Page }>(VOLUNTEERS, vars, token)).volunteers;
  const names = (page: Page) => page.edges.map((e) => e.node.displayName).sort();

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.adminToken();
    const org = await createOrganisation(api, admin);
    coordinator = (await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }))
      .token;
    const register = (displayName: string, email: string, organisationId = org.id) =>
      registerMentor(api, { organisationId, displayName, email });
    await register('Amira Khan', `amira.${tag}@example.org`);
    await register('Amir_Hussain', `a.hussain.${tag}@example.org`);
    await register('Ben Okafor', `ben.${tag}@mentors.example.org`);
    await register('Jo 100% Reliable', `jo.${tag}@example.org`);
    const other = await createOrganisation(api, admin);
    stranger = await register('Amira Stranger', `stranger.${tag}@example.org`, other.id);
  });
  afterAll(() => api.stop());

  it('matches part of the display name in any case, counting only the matches', async () => {
    const page = await search({ search: 'AMIR' });
    expect(names(page)).toEqual(['Amir_Hussain', 'Amira Khan']);
    expect(page.totalCount).toBe(2);
    expect(names(await search({ search: '  okaf ' }))).toEqual(['Ben Okafor']);
  });

  it("matches part of the email, and never another organisation's volunteer", async () => {
    expect(names(await search({ search: `@mentors.example.org` }))).toEqual(['Ben Okafor']);
    expect(names(await search({ search: tag }))).toEqual([
      'Amir_Hussain',
      'Amira Khan',
      'Ben Okafor',
      'Jo 100% Reliable',
    ]);
    const everyone = await search({ search: 'Stranger' });
    expect(everyone.totalCount).toBe(0);
    expect(everyone.edges.map((e) => e.node.id)).not.toContain(stranger.id);
  });

  it('takes % and _ literally rather than as wildcards', async () => {
    expect(names(await search({ search: '%' }))).toEqual(['Jo 100% Reliable']);
    expect(names(await search({ search: 'r_h' }))).toEqual(['Amir_Hussain']);
    expect(names(await search({ search: 'a_a' }))).toEqual([]);
    expect(names(await search({ search: '\\' }))).toEqual([]);
  });

  it('pages through the matches with the usual cursor, and combines with status', async () => {
    const first = await search({ search: tag, first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(4);
    const rest = await search({ search: tag, first: 3, after: first.pageInfo.endCursor });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...names(first), ...names(rest)].sort()).toEqual(names(await search({ search: tag })));
    expect((await search({ search: tag, status: 'APPLIED' })).totalCount).toBe(4);
    expect((await search({ search: tag, status: 'VETTING' })).totalCount).toBe(0);
  });

  it('treats a blank search as none, and refuses one over 100 characters', async () => {
    const all = await search({ first: 100 });
    expect((await search({ search: '   ', first: 100 })).totalCount).toBe(all.totalCount);
    const result = await api.gql(VOLUNTEERS, { search: 'x'.repeat(101) }, coordinator);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });
});
