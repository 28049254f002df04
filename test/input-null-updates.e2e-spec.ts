import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import { UPDATE_SCHEME, createScheme, schemeInput } from './support/schemes';

// An update input's field left out keeps its value; sent as null, where the value cannot be
// cleared, it is one problem naming the field, not one per rule ("must be an array", "each
// value in…", "All …'s elements must be unique").

describe('null for a field an update cannot clear', () => {
  let api: TestApi;
  let coordinator: string;
  let scheme: { id: string };

  beforeAll(async () => {
    api = await TestApi.start();
    const admin = await api.adminToken();
    const org = await createOrganisation(api, admin);
    coordinator = (await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }))
      .token;
    scheme = await createScheme(api, coordinator, schemeInput(org.id));
  });
  afterAll(() => api.stop());

  it.each(['name', 'description', 'pathways', 'genders'])(
    'updateScheme %s: null is one BAD_USER_INPUT problem on input.%s',
    async (field) => {
      const result = await api.gql(
        UPDATE_SCHEME,
        { id: scheme.id, input: { [field]: null } },
        coordinator,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields).toEqual([
        {
          field: `input.${field}`,
          message: `input.${field} cannot be cleared; leave it out to keep it`,
        },
      ]);
    },
  );

  it('names each null field once when several are sent', async () => {
    const result = await api.gql(
      UPDATE_SCHEME,
      { id: scheme.id, input: { pathways: null, genders: null } },
      coordinator,
    );
    const fields = (result.errors?.[0].extensions.fields ?? []) as { field: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['input.genders', 'input.pathways']);
  });
});
