import { Role } from '@app/core';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff } from './support/factories';
import {
  CREATE_SCHEME,
  UPDATE_SCHEME,
  createScheme,
  schemeInput,
  tokenFor,
} from './support/schemes';

const LS6 = { latitude: 53.8185, longitude: -1.56623 };

describe('schemes: create, update, read', () => {
  let api: TestApi;
  let admin: string;
  let org: { id: string; name: string };
  let otherOrg: { id: string; name: string };
  let coordinator: string;
  let otherCoordinator: string;
  let prisonStaff: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    org = await createOrganisation(api, admin, { specialisms: ['WOMEN'] });
    otherOrg = await createOrganisation(api, admin);
    coordinator = (await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id }))
      .token;
    otherCoordinator = (
      await createStaff(api, admin, { role: 'COORDINATOR', organisationId: otherOrg.id })
    ).token;
    prisonStaff = (await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' }))
      .token;
  });
  afterAll(() => api.stop());

  it('lets a coordinator create a scheme for their organisation, normalising what was given', async () => {
    const scheme = await createScheme(
      api,
      coordinator,
      schemeInput(org.id, {
        postcode: 'ls61aa',
        radiusKm: 12.5,
        coverageLocalAuthorities: ['e08000035', 'E08000032'],
        prisonsServed: ['lei'],
        languages: ['EN', 'pl'],
        genders: ['FEMALE'],
        minAge: 18,
        maxAge: 65,
        requiredDbsLevel: 'ENHANCED',
        requiredBarredLists: ['ADULTS'],
      }),
    );
    expect(scheme).toMatchObject({
      organisation: org,
      postcode: 'LS6 1AA',
      location: LS6,
      radiusKm: 12.5,
      coverageLocalAuthorities: ['E08000035', 'E08000032'],
      prisonsServed: ['LEI'],
      languages: ['en', 'pl'],
      genders: ['FEMALE'],
      national: false,
      requiredBarredLists: ['ADULTS'],
      activeMentees: 0,
      active: true,
    });
    expect(new Date(scheme.updatedAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a coordinator another organisation (FORBIDDEN) and lets an admin create for any', async () => {
    expect(
      codeOf(await api.gql(CREATE_SCHEME, { input: schemeInput(otherOrg.id) }, coordinator)),
    ).toBe('FORBIDDEN');
    const scheme = await createScheme(
      api,
      admin,
      schemeInput(otherOrg.id, { national: true, coverageLocalAuthorities: [] }),
    );
    expect(scheme).toMatchObject({
      organisation: otherOrg,
      national: true,
      location: null,
      postcode: null,
    });
  });

  it('lets only coordinators and admins create schemes', async () => {
    const mentor = await tokenFor(api, Role.MENTOR);
    expect(codeOf(await api.gql(CREATE_SCHEME, { input: schemeInput(org.id) }, prisonStaff))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(CREATE_SCHEME, { input: schemeInput(org.id) }, mentor))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(CREATE_SCHEME, { input: schemeInput(org.id) }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each<[string, Record<string, unknown>, string, RegExp | null]>([
    ['no pathway', { pathways: [] }, 'input.pathways', null],
    ['no delivery mode', { deliveryModes: [] }, 'input.deliveryModes', null],
    ['minimum age above maximum', { minAge: 40, maxAge: 25 }, 'input.maxAge', null],
    ['an age under 10', { minAge: 5 }, 'input.minAge', null],
    ['negative capacity', { capacity: -1 }, 'input.capacity', null],
    [
      'an unknown local authority',
      { coverageLocalAuthorities: ['E08000035', 'E99999999'] },
      'input.coverageLocalAuthorities',
      /unknown local authority code E99999999/,
    ],
    [
      'an unknown prison',
      { prisonsServed: ['LEI', 'XYZ'] },
      'input.prisonsServed',
      /unknown prison code XYZ/,
    ],
    [
      'not national, no coverage, no radius',
      { coverageLocalAuthorities: [] },
      'input.coverageLocalAuthorities',
      null,
    ],
    [
      'a postcode without a radius is not coverage',
      { coverageLocalAuthorities: [], postcode: 'LS6 1AA' },
      'input.coverageLocalAuthorities',
      null,
    ],
    ['a radius without a postcode', { radiusKm: 10 }, 'input.radiusKm', null],
    [
      'phone only, covered by radius',
      { deliveryModes: ['PHONE'], coverageLocalAuthorities: [], postcode: 'LS6', radiusKm: 10 },
      'input.coverageLocalAuthorities',
      null,
    ],
    [
      'barred lists without ENHANCED',
      { requiredBarredLists: ['CHILDREN'] },
      'input.requiredBarredLists',
      null,
    ],
    [
      'not a language code',
      { languages: ['english'] },
      'input.languages',
      /english is not an ISO 639-1/,
    ],
    ['not a postcode', { postcode: 'not a postcode' }, 'input.postcode', null],
    [
      'an unknown postcode district',
      { postcode: 'ZZ9 9ZZ' },
      'input.postcode',
      /unknown postcode district ZZ9/,
    ],
    [
      'an unknown organisation',
      { organisationId: '00000000-0000-4000-8000-000000000000' },
      'input.organisationId',
      null,
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_name, overrides, field, message) => {
    const result = await api.gql(CREATE_SCHEME, { input: schemeInput(org.id, overrides) }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe(field);
    if (message) expect(result.errors?.[0].message).toMatch(message);
  });

  it('updates a scheme, re-checking the merged scheme, for its own coordinators only', async () => {
    const scheme = await createScheme(api, coordinator, schemeInput(org.id));
    const updated = await api.ok(
      UPDATE_SCHEME,
      { id: scheme.id, input: { capacity: 3, postcode: 'LS1 4AP', radiusKm: 8 } },
      coordinator,
    );
    expect(updated.updateScheme).toMatchObject({
      capacity: 3,
      postcode: 'LS1 4AP',
      radiusKm: 8,
      coverageLocalAuthorities: ['E08000035'],
    });

    const cleared = await api.ok(
      UPDATE_SCHEME,
      { id: scheme.id, input: { coverageLocalAuthorities: [] } },
      coordinator,
    );
    expect(cleared.updateScheme).toMatchObject({ coverageLocalAuthorities: [], radiusKm: 8 });
    const uncovered = await api.gql(
      UPDATE_SCHEME,
      { id: scheme.id, input: { radiusKm: null } },
      coordinator,
    );
    expect(codeOf(uncovered)).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await api.gql(UPDATE_SCHEME, { id: scheme.id, input: { name: null } }, coordinator)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await api.gql(
          UPDATE_SCHEME,
          { id: scheme.id, input: { requiredBarredLists: ['ADULTS'] } },
          coordinator,
        ),
      ),
    ).toBe('BAD_USER_INPUT');

    expect(
      codeOf(
        await api.gql(UPDATE_SCHEME, { id: scheme.id, input: { capacity: 1 } }, otherCoordinator),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await api.gql(UPDATE_SCHEME, { id: scheme.id, input: { capacity: 1 } }, prisonStaff)),
    ).toBe('FORBIDDEN');
    const byAdmin = await api.ok(UPDATE_SCHEME, { id: scheme.id, input: { capacity: 0 } }, admin);
    expect(byAdmin.updateScheme.capacity).toBe(0);
    const unknown = await api.gql(
      UPDATE_SCHEME,
      { id: '00000000-0000-4000-8000-000000000000', input: { capacity: 1 } },
      admin,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });

  it('announces every change as scheme.changed and audits it, in the same transaction', async () => {
    const scheme = await createScheme(api, coordinator, schemeInput(org.id));
    await api.ok(UPDATE_SCHEME, { id: scheme.id, input: { name: 'Renamed scheme' } }, coordinator);
    await api.gql(UPDATE_SCHEME, { id: scheme.id, input: { pathways: [] } }, coordinator); // refused: no event
    const db = api.app.get(DataSource);
    const events = await db.query(
      `SELECT kind, payload FROM scheme_events WHERE scheme_id = $1 ORDER BY created_at`,
      [scheme.id],
    );
    expect(events).toEqual([
      {
        kind: 'scheme.changed',
        payload: { schemeId: scheme.id, organisationId: org.id, change: 'created', version: 1 },
      },
      {
        kind: 'scheme.changed',
        payload: { schemeId: scheme.id, organisationId: org.id, change: 'updated', version: 1 },
      },
    ]);
    const audit = await db.query(
      `SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY created_at`,
      [scheme.id],
    );
    expect(audit).toEqual([
      { action: 'scheme.created', details: { organisationId: org.id } },
      { action: 'scheme.updated', details: { organisationId: org.id, fields: ['name'] } },
    ]);
  });

  it('shows active schemes to everyone signed in, and inactive ones only to their organisation and admins', async () => {
    const hidden = await createScheme(
      api,
      coordinator,
      schemeInput(org.id, { name: 'Paused scheme' }),
    );
    const shown = await createScheme(
      api,
      coordinator,
      schemeInput(org.id, { name: 'Open scheme' }),
    );
    await api.ok(UPDATE_SCHEME, { id: hidden.id, input: { active: false } }, coordinator);
    const mentor = await tokenFor(api, Role.MENTOR);
    const one = 'query($id: ID!) { scheme(id: $id) { id active } }';

    for (const token of [coordinator, admin]) {
      expect((await api.ok(one, { id: hidden.id }, token)).scheme).toEqual({
        id: hidden.id,
        active: false,
      });
    }
    for (const token of [otherCoordinator, prisonStaff, mentor]) {
      expect((await api.ok(one, { id: hidden.id }, token)).scheme).toBeNull();
      expect((await api.ok(one, { id: shown.id }, token)).scheme).toEqual({
        id: shown.id,
        active: true,
      });
    }
    expect(codeOf(await api.gql(one, { id: shown.id }))).toBe('UNAUTHENTICATED');
    expect((await api.ok(one, { id: 'not-a-uuid' }, admin)).scheme).toBeNull();

    const list =
      'query($org: ID) { schemes(organisationId: $org, first: 100) { totalCount edges { node { id } } } }';
    const ids = async (token: string) =>
      (await api.ok(list, { org: org.id }, token)).schemes.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await ids(coordinator)).toEqual(expect.arrayContaining([hidden.id, shown.id]));
    expect(await ids(admin)).toContain(hidden.id);
    expect(await ids(otherCoordinator)).not.toContain(hidden.id);
    expect(await ids(otherCoordinator)).toContain(shown.id);

    // Through the nested field too: scheme.organisation.schemes.
    const nested = 'query($id: ID!) { scheme(id: $id) { organisation { schemes { id } } } }';
    const nestedIds = async (token: string) =>
      (await api.ok(nested, { id: shown.id }, token)).scheme.organisation.schemes.map(
        (s: { id: string }) => s.id,
      );
    expect(await nestedIds(coordinator)).toEqual(expect.arrayContaining([hidden.id, shown.id]));
    expect(await nestedIds(prisonStaff)).not.toContain(hidden.id);
    expect(await nestedIds(prisonStaff)).toContain(shown.id);
  });

  it('pages schemes with a cursor, oldest first', async () => {
    const pagedOrg = await createOrganisation(api, admin);
    const made: string[] = [];
    for (const name of ['First', 'Second', 'Third'])
      made.push((await createScheme(api, admin, schemeInput(pagedOrg.id, { name }))).id);
    const list = `query($org: ID, $after: String) {
      schemes(organisationId: $org, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
    }`;
    const page1 = (await api.ok(list, { org: pagedOrg.id }, coordinator)).schemes;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(made.slice(0, 2));
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await api.ok(list, { org: pagedOrg.id, after: page1.pageInfo.endCursor }, coordinator)
    ).schemes;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(made.slice(2));
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });

    expect(codeOf(await api.gql(list, { org: pagedOrg.id, after: 'nonsense' }, coordinator))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await api.gql('{ schemes(first: 101) { totalCount } }', {}, coordinator))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
