import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';
import { UPDATE_SCHEME, createScheme, schemeInput } from './support/schemes';

// Organisation isolation through VolunteerProfile.clearance(schemeId): an inactive scheme of
// another organisation is "not found" for a coordinator (scheme(id) answers null), and
// clearance(schemeId) must not tell it apart from a scheme that does not exist.

jest.setTimeout(30_000);

const CLEARANCE = `query($id: ID!, $schemeId: ID) {
  volunteer(id: $id) { id clearance(schemeId: $schemeId) { cleared missing } }
}`;
const NOBODY = '5d0c1a3e-8f7b-4c2a-9e1d-2b3c4d5e6f70';

describe("another organisation's inactive scheme through clearance(schemeId)", () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('answers exactly as for a scheme that does not exist', async () => {
    const admin = await api.adminToken();
    const [orgA, orgB] = await Promise.all([
      createOrganisation(api, admin),
      createOrganisation(api, admin),
    ]);
    const [coordinatorA, coordinatorB] = await Promise.all([
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: orgA.id }),
      createStaff(api, admin, { role: 'COORDINATOR', organisationId: orgB.id }),
    ]);
    const mentorA = await registerMentor(api, { organisationId: orgA.id });
    const hidden = await createScheme(api, coordinatorB.token, schemeInput(orgB.id));
    await api.ok(UPDATE_SCHEME, { id: hidden.id, input: { active: false } }, coordinatorB.token);

    // The scheme is invisible to coordinator A ...
    const direct = await api.ok(
      'query($id: ID!) { scheme(id: $id) { id } }',
      { id: hidden.id },
      coordinatorA.token,
    );
    expect(direct.scheme).toBeNull();

    // ... so asking for clearance against it must not reveal that it exists.
    const other = await api.gql(
      CLEARANCE,
      { id: mentorA.id, schemeId: hidden.id },
      coordinatorA.token,
    );
    const missing = await api.gql(
      CLEARANCE,
      { id: mentorA.id, schemeId: NOBODY },
      coordinatorA.token,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(codeOf(other)).toBe(codeOf(missing));
    expect(other.errors?.[0].message).toBe(missing.errors?.[0].message);
  });
});
