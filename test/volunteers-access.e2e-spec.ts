import { TestApi, codeOf } from './support/app';
import {
  SET_VOLUNTEER_STATUS,
  createOrganisation,
  createStaff,
  registerMentor,
} from './support/factories';

const VOLUNTEER =
  'query($id: ID!) { volunteer(id: $id) { id status organisation { id } user { email } } }';
const LIST = `query($organisationId: ID, $status: VolunteerStatus) {
  volunteers(organisationId: $organisationId, status: $status, first: 100) {
    totalCount edges { node { id organisation { id } user { email } } }
  }
}`;
const NOBODY = '5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70';

type Mentor = Awaited<ReturnType<typeof registerMentor>>;
type Staff = Awaited<ReturnType<typeof createStaff>>;

// Registration hashes a password (argon2) per mentor. Jest 30's runner reads the global testTimeout,
// not the e2e project's 30 s in jest.config.js (tests were cut off at 5 s), so this file sets its own.
jest.setTimeout(30_000);

describe('who may see and change which volunteer', () => {
  let api: TestApi;
  let admin: string;
  let orgA: { id: string };
  let orgB: { id: string };
  let coordinatorA: Staff;
  let coordinatorB: Staff;
  let prisonStaff: Staff;
  let mentorA: Mentor;
  let mentorA2: Mentor;
  let mentorB: Mentor;
  let unattached: Mentor;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    [orgA, orgB] = await Promise.all([
      createOrganisation(api, admin),
      createOrganisation(api, admin),
    ]);
    [coordinatorA, coordinatorB, prisonStaff] = await Promise.all([
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: orgA.id }),
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: orgB.id }),
      createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' }),
    ]);
    [mentorA, mentorA2, mentorB, unattached] = await Promise.all([
      registerMentor(api, { organisationId: orgA.id }),
      registerMentor(api, { organisationId: orgA.id, postcode: 'M14 5AB' }),
      registerMentor(api, { organisationId: orgB.id, postcode: 'BD7 1DP' }),
      registerMentor(api),
    ]);
  }, 60_000);
  afterAll(() => api.stop());

  it("lets a coordinator read their organisation's volunteer, with its user and organisation", async () => {
    const data = await api.ok(VOLUNTEER, { id: mentorA.id }, coordinatorA.token);
    expect(data.volunteer).toEqual({
      id: mentorA.id,
      status: 'APPLIED',
      organisation: { id: orgA.id },
      user: { email: mentorA.email },
    });
  });

  it("answers NOT_FOUND for another organisation's volunteer, exactly as for one that does not exist", async () => {
    const other = await api.gql(VOLUNTEER, { id: mentorB.id }, coordinatorA.token);
    const missing = await api.gql(VOLUNTEER, { id: NOBODY }, coordinatorA.token);
    expect(codeOf(other)).toBe('NOT_FOUND');
    expect(other.data).toEqual(missing.data);
    expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(codeOf(await api.gql(VOLUNTEER, { id: unattached.id }, coordinatorA.token))).toBe(
      'NOT_FOUND',
    );
  });

  it("lists only the coordinator's own organisation, and forbids asking for another", async () => {
    const own = (await api.ok(LIST, {}, coordinatorA.token)).volunteers;
    expect(own.totalCount).toBe(2);
    expect(own.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
      [mentorA.id, mentorA2.id].sort(),
    );
    expect(
      new Set(
        own.edges.map((e: { node: { organisation: { id: string } } }) => e.node.organisation.id),
      ),
    ).toEqual(new Set([orgA.id]));
    expect(
      (await api.ok(LIST, { organisationId: orgA.id }, coordinatorA.token)).volunteers.totalCount,
    ).toBe(2);

    const other = await api.gql(LIST, { organisationId: orgB.id }, coordinatorA.token);
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(other.data).toBeNull();
  });

  it("refuses a coordinator changing another organisation's volunteer, leaving it unchanged", async () => {
    for (const status of ['VETTING', 'WITHDRAWN']) {
      const result = await api.gql(
        SET_VOLUNTEER_STATUS,
        { id: mentorB.id, status, reason: 'not ours' },
        coordinatorA.token,
      );
      expect(codeOf(result)).toBe('NOT_FOUND');
    }
    expect((await api.ok(VOLUNTEER, { id: mentorB.id }, coordinatorB.token)).volunteer.status).toBe(
      'APPLIED',
    );
  });

  it('lets a mentor read only their own profile, and not list volunteers', async () => {
    expect((await api.ok(VOLUNTEER, { id: mentorA.id }, mentorA.token)).volunteer.id).toBe(
      mentorA.id,
    );
    expect(codeOf(await api.gql(VOLUNTEER, { id: mentorA2.id }, mentorA.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(LIST, {}, mentorA.token))).toBe('FORBIDDEN');
  });

  it('forbids prison staff from reading volunteers, and asks anonymous callers to sign in', async () => {
    expect(codeOf(await api.gql(VOLUNTEER, { id: mentorA.id }, prisonStaff.token))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(LIST, {}, prisonStaff.token))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await api.gql(
          SET_VOLUNTEER_STATUS,
          { id: mentorA.id, status: 'WITHDRAWN' },
          prisonStaff.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(VOLUNTEER, { id: mentorA.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(LIST, {}))).toBe('UNAUTHENTICATED');
  });

  it('lets an admin read any volunteer and list one organisation or all', async () => {
    expect(
      (await api.ok(VOLUNTEER, { id: unattached.id }, admin)).volunteer.organisation,
    ).toBeNull();
    const b = (await api.ok(LIST, { organisationId: orgB.id }, admin)).volunteers;
    expect(b.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mentorB.id]);
    const all = (await api.ok(LIST, {}, admin)).volunteers;
    expect(all.totalCount).toBeGreaterThanOrEqual(4);
  });

  it('refuses a malformed id as BAD_USER_INPUT naming it', async () => {
    const result = await api.gql(VOLUNTEER, { id: 'not-a-uuid' }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe('id');
  });

  it("gives a mentor's user no organisation: it belongs to the profile, and the token carries none", async () => {
    const data = await api.ok(
      '{ me { role organisation { id } } myVolunteerProfile { organisation { id } } }',
      {},
      mentorA.token,
    );
    expect(data).toEqual({
      me: { role: 'MENTOR', organisation: null },
      myVolunteerProfile: { organisation: { id: orgA.id } },
    });
  });
});
