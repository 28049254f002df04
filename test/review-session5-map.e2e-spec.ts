import type { TestApi } from './support/app';
import { MapStack, eventuallyMap, mapQueueIdle, startMapStack } from './support/map';
import { eventually } from './support/notifications';

// Review (session 5): an organisation renamed through updateOrganisation reaches the published map
// snapshot (GeoJSON and the Open Referral feed), through scheme.changed and the debounced rebuild.

jest.setTimeout(90_000);

describe('review: an organisation rename reaches the public map', () => {
  let stack: MapStack;
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    stack = await startMapStack('review5map', { MAP_REFRESH_DEBOUNCE_MS: '500' });
    api = stack.api;
    admin = await api.adminToken();
  }, 120_000);
  afterAll(() => stack?.stop());

  it("a coordinator's rename of their organisation is shown with each of its schemes on the map and in the Open Referral feed", async () => {
    const { createOrganisation, createStaff } = await import('./support/factories');
    const { createScheme, schemeInput } = await import('./support/schemes');
    const org = await createOrganisation(api, admin, { name: 'Before Rename Trust' });
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const schemes = await Promise.all(
      ['Leeds one', 'Leeds two'].map((name) =>
        createScheme(api, coordinator.token, schemeInput(org.id, { name })),
      ),
    );
    await eventuallyMap(api, 'both schemes on the map', (map) =>
      schemes.every((s) => map.features.some((f) => f.id === s.id)),
    );
    await mapQueueIdle(stack);

    await api.ok(
      `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id } }`,
      { id: org.id, input: { name: 'After Rename Trust' } },
      coordinator.token,
    );
    const { body } = await eventuallyMap(api, 'the new name on the map', (map) =>
      schemes.every(
        (s) =>
          map.features.find((f) => f.id === s.id)?.properties.organisation?.name ===
          'After Rename Trust',
      ),
    );
    expect(JSON.stringify(body)).not.toContain('Before Rename Trust');
    await eventually(
      'the new name in the Open Referral feed',
      async () => {
        const response = await api.http.get(`/openreferral/services/${schemes[0].id}`);
        return response.status === 200 &&
          JSON.stringify(response.body).includes('After Rename Trust')
          ? response.body
          : null;
      },
      30_000,
    );
  });
});
