import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';
import { createScheme, schemeInput } from './support/schemes';
import { completeCheck } from './support/vetting';

// updateOrganisation (ADMIN or the organisation's coordinators) and the ADMIN directory.

const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { id name charityNumber specialisms }
}`;
const RECHECK = `mutation($id: ID!, $years: Int!) {
  updateOrganisation(id: $id, input: { dbsRecheckYears: $years }) { dbsRecheckYears }
}`;
const DIRECTORY = `query($search: String, $first: Int, $after: String) {
  organisations(search: $search, first: $first, after: $after) {
    totalCount edges { node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

interface Directory {
  totalCount: number;
  edges: { node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('updateOrganisation and organisations', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;
  let org: { id: string; name: string };
  let coordinator: { id: string; token: string };
  const tag = unique('org').replace(/[^a-z0-9]/gi, '');

  const update = (id: string, input: Record<string, unknown>, token = admin) =>
    api.gql<{ updateOrganisation: Record<string, unknown> }>(UPDATE, { id, input }, token);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
    org = await createOrganisation(api, admin, { name: `Pathways ${tag}` });
    coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
  });
  afterAll(() => api.stop());

  it('changes only the fields sent, trims the name, and audits field names without values', async () => {
    const result = await update(org.id, {
      name: `  New Pathways ${tag}  `,
      charityNumber: '1234567',
      specialisms: ['WOMEN'],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateOrganisation).toEqual({
      id: org.id,
      name: `New Pathways ${tag}`,
      charityNumber: '1234567',
      specialisms: ['WOMEN'],
    });
    const cleared = await update(org.id, { charityNumber: null }, coordinator.token);
    expect(cleared.data?.updateOrganisation).toMatchObject({
      name: `New Pathways ${tag}`,
      charityNumber: null,
      specialisms: ['WOMEN'],
    });
    const audit = await db.query(
      `SELECT details FROM audit_events WHERE action = 'organisation.updated' AND entity_id = $1
       ORDER BY created_at`,
      [org.id],
    );
    expect(audit.map((row: { details: unknown }) => row.details)).toEqual([
      { fields: ['charityNumber', 'name', 'specialisms'], actorRole: 'ADMIN' },
      { fields: ['charityNumber'], actorRole: 'COORDINATOR' },
    ]);
    expect(JSON.stringify(audit)).not.toContain('1234567');
  });

  it("is NOT_FOUND to another organisation's coordinator and for unknown ids, FORBIDDEN to mentors and prison staff", async () => {
    const other = await createOrganisation(api, admin);
    const stranger = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: other.id,
    });
    const mentor = await registerMentor(api, { organisationId: org.id });
    const prison = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
    expect(codeOf(await update(org.id, { specialisms: [] }, stranger.token))).toBe('NOT_FOUND');
    expect(codeOf(await update(org.id, { specialisms: [] }, mentor.token))).toBe('FORBIDDEN');
    expect(codeOf(await update(org.id, { specialisms: [] }, prison.token))).toBe('FORBIDDEN');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'junk'])
      expect(codeOf(await update(id, { specialisms: [] }))).toBe('NOT_FOUND');
    const [{ specialisms }] = await db.query(
      'SELECT specialisms FROM organisations WHERE id = $1',
      [org.id],
    );
    expect(specialisms).toEqual(['WOMEN']);
  });

  it("refuses another organisation's name in any case (CONFLICT) but takes its own in a new case", async () => {
    const other = await createOrganisation(api, admin, { name: `Taken ${tag}` });
    expect(codeOf(await update(org.id, { name: `TAKEN ${tag}` }))).toBe('CONFLICT');
    const own = await update(other.id, { name: `taken ${tag}` });
    expect(own.data?.updateOrganisation).toMatchObject({ name: `taken ${tag}` });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const before = await db.query('SELECT * FROM organisations WHERE id = $1', [org.id]);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'input'],
      [{ name: null }, 'input.name'],
      [{ name: '   a  ' }, 'input.name'],
      [{ specialisms: null }, 'input.specialisms'],
      // class-validator's array messages start "All …" / "each value in …": still named by field.
      [{ specialisms: ['WOMEN', 'WOMEN'] }, 'input.specialisms'],
      [{ dbsRecheckYears: null }, 'input.dbsRecheckYears'],
      [{ dbsRecheckYears: 0 }, 'input.dbsRecheckYears'],
      [{ dbsRecheckYears: 11 }, 'input.dbsRecheckYears'],
      [{ charityNumber: 'not a number' }, 'input.charityNumber'],
    ];
    for (const [input, field] of cases) {
      const result = await update(org.id, input);
      expect({ input, code: codeOf(result) }).toEqual({ input, code: 'BAD_USER_INPUT' });
      const fields = (result.errors?.[0].extensions.fields ?? []) as { field: string }[];
      expect({ input, fields: [...new Set(fields.map((f) => f.field))] }).toEqual({
        input,
        fields: [field],
      });
    }
    expect(await db.query('SELECT * FROM organisations WHERE id = $1', [org.id])).toEqual(before);
    const twice = await update(org.id, { specialisms: ['WOMEN', 'WOMEN'] });
    expect(twice.errors?.[0].extensions.fields).toEqual([
      {
        field: 'input.specialisms',
        message: "input.specialisms: All specialisms's elements must be unique",
      },
    ]);
  });

  it('a new re-check period applies to DBS checks recorded from then on; earlier re-check dates stay', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const before = await completeCheck(api, coordinator.token, mentor.id, {
      kind: 'DBS',
      dbsLevel: 'STANDARD',
      issuedOn: '2026-06-01',
    });
    expect(before.expiresOn).toBe('2029-06-01');
    const set = await api.ok<{ updateOrganisation: { dbsRecheckYears: number } }>(
      RECHECK,
      { id: org.id, years: 2 },
      coordinator.token,
    );
    expect(set.updateOrganisation.dbsRecheckYears).toBe(2);
    const me = await api.ok<{ me: { organisation: { dbsRecheckYears: number } } }>(
      '{ me { organisation { dbsRecheckYears } } }',
      {},
      coordinator.token,
    );
    expect(me.me.organisation.dbsRecheckYears).toBe(2);
    const after = await completeCheck(api, coordinator.token, mentor.id, {
      kind: 'DBS',
      dbsLevel: 'ENHANCED',
      issuedOn: '2026-06-01',
    });
    expect(after.expiresOn).toBe('2028-06-01');
    const [{ expires_on }] = await db.query(
      `SELECT to_char(expires_on, 'YYYY-MM-DD') AS expires_on FROM vetting_checks WHERE id = $1`,
      [before.id],
    );
    expect(expires_on).toBe('2029-06-01');
  });

  it('tells the public map when a detail it shows changes, once per scheme; not for the re-check period', async () => {
    const schemes = await Promise.all(
      [1, 2].map((n) =>
        createScheme(api, coordinator.token, schemeInput(org.id, { name: unique(`Scheme ${n}`) })),
      ),
    );
    const events = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*)::int AS n FROM scheme_events
             WHERE scheme_id = ANY($1) AND payload->>'change' = 'updated'`,
            [schemes.map((s) => s.id)],
          )
        )[0].n,
      );
    expect(await events()).toBe(0);
    await update(org.id, { dbsRecheckYears: 4 });
    expect(await events()).toBe(0);
    await update(org.id, { name: `Renamed ${tag}` });
    expect(await events()).toBe(2);
  });

  it('lists organisations for ADMIN only, by part of the name, a page at a time', async () => {
    const names = ['Alpha', 'Beta', 'Gamma'].map((n) => `${n} ${tag}x`);
    for (const name of names) await createOrganisation(api, admin, { name });
    const first = (
      await api.ok<{ organisations: Directory }>(DIRECTORY, { search: `${tag}X`, first: 2 }, admin)
    ).organisations;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (
      await api.ok<{ organisations: Directory }>(
        DIRECTORY,
        { search: `${tag}X`, first: 2, after: first.pageInfo.endCursor },
        admin,
      )
    ).organisations;
    expect([...first.edges, ...rest.edges].map((e) => e.node.name)).toEqual(names);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await api.gql(DIRECTORY, {}, coordinator.token))).toBe('FORBIDDEN');
  });
});
