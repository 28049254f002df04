import { TestApi, codeOf, statementsDuring } from './support/app';
import {
  createOrganisation,
  createStaff,
  insertVolunteers,
  registerMentor,
  registerMentors,
  walkVolunteerStatus,
} from './support/factories';

const PAGE = `query($first: Int, $after: String, $status: VolunteerStatus, $organisationId: ID) {
  volunteers(first: $first, after: $after, status: $status, organisationId: $organisationId) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
  }
}`;
const WIDE_PAGE = `query($first: Int, $organisationId: ID) {
  volunteers(first: $first, organisationId: $organisationId) {
    totalCount edges { node { id displayName organisation { name } user { email } } }
  }
}`;

interface PageResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

// Registration hashes a password (argon2) per mentor. Jest 30's runner reads the global testTimeout,
// not the e2e project's 30 s in jest.config.js (tests were cut off at 5 s), so this file sets its own.
jest.setTimeout(30_000);

describe('volunteer lists', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('pages newest first with first/after, totalCount and hasNextPage, never repeating or skipping', async () => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1)
      created.push((await registerMentor(api, { organisationId: org.id })).id);

    const seen: string[] = [];
    const shapes: [number, boolean, number][] = [];
    let after: string | null = null;
    do {
      const page: PageResult = (
        await api.ok<{ volunteers: PageResult }>(PAGE, { first: 3, after }, coordinator.token)
      ).volunteers;
      shapes.push([page.edges.length, page.pageInfo.hasNextPage, page.totalCount]);
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(shapes).toEqual([
      [3, true, 7],
      [3, true, 7],
      [1, false, 7],
    ]);
    expect(seen).toEqual([...created].reverse());

    const exact = (await api.ok<{ volunteers: PageResult }>(PAGE, { first: 7 }, coordinator.token))
      .volunteers;
    expect(exact.pageInfo.hasNextPage).toBe(false);
    const last = await api.ok<{ volunteers: PageResult }>(
      PAGE,
      { first: 5, after: exact.pageInfo.endCursor },
      coordinator.token,
    );
    expect(last.volunteers).toEqual({
      totalCount: 7,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  }, 60_000);

  it('filters by status, counting only the matching volunteers', async () => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const mentors = await registerMentors(api, 4, org.id);
    await walkVolunteerStatus(api, coordinator.token, mentors[0].id, ['VETTING']);
    await walkVolunteerStatus(api, coordinator.token, mentors[2].id, ['VETTING']);
    const vetting = (
      await api.ok<{ volunteers: PageResult }>(
        PAGE,
        { status: 'VETTING', first: 1 },
        coordinator.token,
      )
    ).volunteers;
    expect(vetting.totalCount).toBe(2);
    expect(vetting.pageInfo.hasNextPage).toBe(true);
    const next = (
      await api.ok<{ volunteers: PageResult }>(
        PAGE,
        { status: 'VETTING', first: 1, after: vetting.pageInfo.endCursor },
        coordinator.token,
      )
    ).volunteers;
    expect([vetting.edges[0].node.id, next.edges[0].node.id].sort()).toEqual(
      [mentors[0].id, mentors[2].id].sort(),
    );
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(
      (await api.ok<{ volunteers: PageResult }>(PAGE, { status: 'APPLIED' }, coordinator.token))
        .volunteers.totalCount,
    ).toBe(2);
  }, 60_000);

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 10, after: 'bm90IGEgY3Vyc29y' }, 'after'],
    [
      {
        first: 10,
        after: Buffer.from('2026-01-01T00:00:00.000Z|not-a-uuid').toString('base64url'),
      },
      'after',
    ],
    [{ first: null }, 'first'],
  ])('refuses %j as BAD_USER_INPUT naming %s', async (variables, field) => {
    const result = await api.gql(PAGE, variables, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe(field);
  });

  it('reads a page of 50 with users and organisations in as many SQL statements as a page of 5', async () => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    await registerMentors(api, 2, org.id);
    await insertVolunteers(api, 48, org.id);
    const statementsFor = (first: number) =>
      statementsDuring(api, async () => {
        const data = await api.ok<{
          volunteers: {
            totalCount: number;
            edges: { node: { organisation: { name: string }; user: { email: string } } }[];
          };
        }>(WIDE_PAGE, { first }, coordinator.token);
        expect(data.volunteers.totalCount).toBe(50);
        expect(data.volunteers.edges).toHaveLength(first);
        expect(
          data.volunteers.edges.every(
            (e) => e.node.organisation.name === org.name && e.node.user.email.includes('@'),
          ),
        ).toBe(true);
      });

    // The caller's account status is read once and then cached (AUTH_STATUS_CACHE_MS), not per page.
    await statementsFor(5);
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    // The counter really sees the SQL: the page, its count, one batch of users, one of organisations.
    for (const table of ['volunteer_profiles', 'users', 'organisations']) {
      expect(fifty.some((sql) => sql.includes(`"${table}"`))).toBe(true);
    }
    expect(fifty.length).toBe(five.length);
    expect(fifty.length).toBeLessThanOrEqual(4);
  }, 60_000);
});
