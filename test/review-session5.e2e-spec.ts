import { DataSource } from 'typeorm';
import { TestApi, codeOf, statementsDuring, unique } from './support/app';
import {
  REGISTER_MENTOR,
  createOrganisation,
  createStaff,
  insertVolunteers,
  mentorInput,
  registerMentor,
} from './support/factories';
import { createReferral, referralInput, referralWorld } from './support/matching';
import { createScheme, schemeInput } from './support/schemes';

// Review (session 5) of the day's features: organisation isolation through `after` and
// `schemeId`, bad input answered with contract codes and readable messages, audits and races.

jest.setTimeout(90_000);

const UPDATE_ORGANISATION = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { id name charityNumber specialisms }
}`;
const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }`;
const DIRECTORY = `query($search: String, $first: Int) {
  organisations(search: $search, first: $first) { totalCount edges { node { id name schemes { id } } } }
}`;
const UPDATE_PROFILE = `mutation($id: ID!, $input: UpdateVolunteerProfileInput!) {
  updateVolunteerProfile(id: $id, input: $input) { id displayName languages maxMentees }
}`;
const VOLUNTEERS = `query($search: String, $first: Int) {
  volunteers(search: $search, first: $first) {
    totalCount edges { node { id displayName user { id email } organisation { id name } } }
  }
}`;
const REFERRALS = `query($after: ID, $schemeId: ID, $first: Int) {
  referrals(after: $after, schemeId: $schemeId, first: $first) { id }
}`;

/** Zero-width space, zero-width joiner, byte-order mark, left-to-right mark. */
const INVISIBLE = ['\u200b\u200b', '\u200d\u200d', '\ufeff\ufeff', '\u200e \u200b'];

describe('review (session 5): the day’s features under hostile input', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.stop());

  const organisationAudits = async (id: string): Promise<unknown[]> =>
    (
      await db.query(
        `SELECT details FROM audit_events WHERE action = 'organisation.updated' AND entity_id = $1`,
        [id],
      )
    ).map((row: { details: unknown }) => row.details);

  describe('names made only of invisible characters', () => {
    it.each(INVISIBLE)(
      'updateOrganisation refuses a name of only invisible characters (%j) as BAD_USER_INPUT on input.name, changing nothing',
      async (name) => {
        const org = await createOrganisation(api, admin);
        const result = await api.gql(UPDATE_ORGANISATION, { id: org.id, input: { name } }, admin);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.name']);
        const [row] = await db.query('SELECT name FROM organisations WHERE id = $1', [org.id]);
        expect(row.name).toBe(org.name);
      },
    );

    it('createOrganisation refuses a name of only zero-width spaces, and trims them off a real name', async () => {
      const blank = await api.gql(
        CREATE_ORGANISATION,
        { input: { name: '\u200b\u200b\u200b' } },
        admin,
      );
      expect(codeOf(blank)).toBe('BAD_USER_INPUT');
      const name = unique('Visible');
      const created = await api.ok<{ createOrganisation: { name: string } }>(
        CREATE_ORGANISATION,
        { input: { name: `\u200b${name}\ufeff` } },
        admin,
      );
      expect(created.createOrganisation.name).toBe(name);
    });

    it.each(INVISIBLE)(
      'updateVolunteerProfile refuses a displayName of only invisible characters (%j) as BAD_USER_INPUT on input.displayName',
      async (displayName) => {
        const mentor = await registerMentor(api);
        const result = await api.gql(
          UPDATE_PROFILE,
          { id: mentor.id, input: { displayName } },
          mentor.token,
        );
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
          'input.displayName',
        ]);
        const [row] = await db.query('SELECT display_name FROM volunteer_profiles WHERE id = $1', [
          mentor.id,
        ]);
        expect(row.display_name).toBe('Sam Mentor');
      },
    );

    it('registerMentor refuses a displayName of only zero-width spaces', async () => {
      const result = await api.gql(REGISTER_MENTOR, {
        input: mentorInput({ displayName: '\u200b\u200b' }),
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
        'input.displayName',
      ]);
    });
  });

  describe('names that look the same are the same name', () => {
    it('an organisation name differing from another only in Unicode normalisation or inner spacing is CONFLICT', async () => {
      const base = unique('Caf\u00e9 Trust');
      const taken = await createOrganisation(api, admin, { name: `${base} Leeds` });
      const other = await createOrganisation(api, admin);
      // "é" as e + combining acute (NFD), and two spaces or a tab where one was.
      const lookalikes = [
        `${base.normalize('NFD')} Leeds`,
        `${base}  Leeds`,
        `${base}\tLeeds`,
        `${base.normalize('NFD')}\u00a0Leeds`,
      ];
      for (const name of lookalikes) {
        expect(
          codeOf(await api.gql(UPDATE_ORGANISATION, { id: other.id, input: { name } }, admin)),
        ).toBe('CONFLICT');
        expect(codeOf(await api.gql(CREATE_ORGANISATION, { input: { name } }, admin))).toBe(
          'CONFLICT',
        );
      }
      const [row] = await db.query('SELECT name FROM organisations WHERE id = $1', [taken.id]);
      expect(row.name).toBe(`${base} Leeds`);
    });

    it('an organisation name is kept on one line, in composed form', async () => {
      const org = await createOrganisation(api, admin);
      const name = unique('Line');
      const result = await api.ok<{ updateOrganisation: { name: string } }>(
        UPDATE_ORGANISATION,
        { id: org.id, input: { name: `Re\u0301sume\u0301\n\r\n${name}` } },
        admin,
      );
      expect(result.updateOrganisation.name).toBe(`R\u00e9sum\u00e9 ${name}`);
    });

    it.each([
      ['escape sequence', 'Trust \u001b[31mred'],
      ['bell', 'Trust\u0007'],
      ['delete', 'Tr\u007fust'],
      ['lone surrogate, which would be stored as U+FFFD', 'Trust \ud800'],
    ])(
      'an organisation name with a control character (%s) is BAD_USER_INPUT on input.name',
      async (_what, name) => {
        const org = await createOrganisation(api, admin);
        const updated = await api.gql(UPDATE_ORGANISATION, { id: org.id, input: { name } }, admin);
        expect(codeOf(updated)).toBe('BAD_USER_INPUT');
        expect(updated.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.name']);
        expect(codeOf(await api.gql(CREATE_ORGANISATION, { input: { name } }, admin))).toBe(
          'BAD_USER_INPUT',
        );
      },
    );

    it('a displayName with a control character is BAD_USER_INPUT on input.displayName, in an edit and at registration', async () => {
      const mentor = await registerMentor(api);
      const edit = await api.gql(
        UPDATE_PROFILE,
        { id: mentor.id, input: { displayName: 'Sam \u001b[2J' } },
        mentor.token,
      );
      expect(codeOf(edit)).toBe('BAD_USER_INPUT');
      expect(edit.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
        'input.displayName',
      ]);
      const registration = await api.gql(REGISTER_MENTOR, {
        input: mentorInput({ displayName: 'Sam\u0007' }),
      });
      expect(codeOf(registration)).toBe('BAD_USER_INPUT');
      const surrogate = await api.gql(
        UPDATE_PROFILE,
        { id: mentor.id, input: { displayName: 'Sam \udc00' } },
        mentor.token,
      );
      expect(codeOf(surrogate)).toBe('BAD_USER_INPUT');
      const [row] = await db.query('SELECT display_name FROM volunteer_profiles WHERE id = $1', [
        mentor.id,
      ]);
      expect(row.display_name).toBe('Sam Mentor');
    });
  });

  describe('searches take the text as names are kept', () => {
    it('volunteers(search) finds a name typed in decomposed form or with doubled spaces', async () => {
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      const mentor = await registerMentor(api, {
        organisationId: org.id,
        displayName: 'Jos\u00e9 Ramírez',
      });
      for (const search of ['Jose\u0301', 'jos\u00e9  ram', 'Jose\u0301\tRam']) {
        const result = await api.ok<{ volunteers: { edges: { node: { id: string } }[] } }>(
          VOLUNTEERS,
          { search },
          coordinator.token,
        );
        expect(result.volunteers.edges.map((e) => e.node.id)).toEqual([mentor.id]);
      }
    });

    it('organisations(search) finds a name typed in decomposed form or with doubled spaces', async () => {
      const tag = unique('t').replace(/[^a-z0-9]/gi, '');
      const org = await createOrganisation(api, admin, { name: `Caf\u00e9 Pathways ${tag}` });
      for (const search of [`Cafe\u0301 Pathways ${tag}`, `caf\u00e9  pathways ${tag}`]) {
        const result = await api.ok<{ organisations: { edges: { node: { id: string } }[] } }>(
          DIRECTORY,
          { search },
          admin,
        );
        expect(result.organisations.edges.map((e) => e.node.id)).toEqual([org.id]);
      }
    });
  });

  describe('an unknown language code is not echoed back whatever its size', () => {
    const huge = 'x'.repeat(100_000);

    it('updateVolunteerProfile: BAD_USER_INPUT on input.languages with a short message quoting a short part of the value', async () => {
      const mentor = await registerMentor(api);
      const result = await api.gql(
        UPDATE_PROFILE,
        { id: mentor.id, input: { languages: ['en', huge, 'zz', 'qq', 'yy'] } },
        mentor.token,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      const [error] = result.errors!;
      expect(error.extensions.fields?.map((f) => f.field)).toEqual(['input.languages']);
      expect(error.message.length).toBeLessThan(200);
      expect(JSON.stringify(error).length).toBeLessThan(1000);
      expect(error.message).toContain('not ISO 639-1 language codes');
    });

    it('registerMentor: the same short message', async () => {
      const result = await api.gql(REGISTER_MENTOR, { input: mentorInput({ languages: [huge] }) });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result.errors).length).toBeLessThan(1000);
    });
  });

  describe('updateOrganisation', () => {
    it('sending the values it already has writes, audits and announces nothing', async () => {
      const org = await createOrganisation(api, admin, { charityNumber: '1234567' });
      const scheme = await createScheme(api, admin, schemeInput(org.id, { name: unique('Same') }));
      const events = async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM scheme_events WHERE scheme_id = $1 AND payload->>'change' = 'updated'`,
            [scheme.id],
          )
        )[0].n;
      const result = await api.ok<{ updateOrganisation: Record<string, unknown> }>(
        UPDATE_ORGANISATION,
        { id: org.id, input: { name: ` ${org.name} `, charityNumber: '1234567', specialisms: [] } },
        admin,
      );
      expect(result.updateOrganisation).toMatchObject({ name: org.name, charityNumber: '1234567' });
      expect(await organisationAudits(org.id)).toEqual([]);
      expect(await events()).toBe(0);

      // Of several fields sent, only those that differ are audited.
      await api.ok(
        UPDATE_ORGANISATION,
        { id: org.id, input: { name: org.name, specialisms: ['WOMEN'], dbsRecheckYears: 3 } },
        admin,
      );
      expect(await organisationAudits(org.id)).toEqual([
        { fields: ['specialisms'], actorRole: 'ADMIN' },
      ]);
      expect(await events()).toBe(1);
    });

    it('a null for a field that cannot be cleared is one readable problem per field, naming it', async () => {
      const org = await createOrganisation(api, admin);
      const result = await api.gql(
        UPDATE_ORGANISATION,
        { id: org.id, input: { name: null, specialisms: null, dbsRecheckYears: null } },
        admin,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      const fields = result.errors?.[0].extensions.fields ?? [];
      expect(fields.map((f) => f.field).sort()).toEqual([
        'input.dbsRecheckYears',
        'input.name',
        'input.specialisms',
      ]);
      for (const problem of fields) {
        expect(problem.message).toMatch(/cannot be cleared/);
        expect(problem.message).not.toMatch(/each value|elements must be unique|must be an array/);
      }
      expect(await organisationAudits(org.id)).toEqual([]);
    });

    it('two renames of different organisations to one name at once: one succeeds, the other is CONFLICT, never an internal error', async () => {
      for (let round = 0; round < 3; round += 1) {
        const [a, b] = await Promise.all([
          createOrganisation(api, admin),
          createOrganisation(api, admin),
        ]);
        const name = unique('Race');
        const results = await Promise.all([
          api.gql(UPDATE_ORGANISATION, { id: a.id, input: { name } }, admin),
          api.gql(UPDATE_ORGANISATION, { id: b.id, input: { name: name.toUpperCase() } }, admin),
        ]);
        expect(results.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
        const rows = await db.query('SELECT name FROM organisations WHERE id = ANY($1)', [
          [a.id, b.id],
        ]);
        expect(
          rows.filter((r: { name: string }) => r.name.toLowerCase() === name.toLowerCase()),
        ).toHaveLength(1);
      }
    });

    it('a rename and a new organisation taking one name at once: one succeeds, the other is CONFLICT, never an internal error', async () => {
      for (let round = 0; round < 3; round += 1) {
        const existing = await createOrganisation(api, admin);
        const name = unique('Clash');
        const results = await Promise.all([
          api.gql(UPDATE_ORGANISATION, { id: existing.id, input: { name } }, admin),
          api.gql(CREATE_ORGANISATION, { input: { name: name.toLowerCase() } }, admin),
        ]);
        expect(results.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      }
    });

    it("takes an id in capitals; another organisation's coordinator gets NOT_FOUND however the id is written", async () => {
      const org = await createOrganisation(api, admin);
      const other = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      const own = await api.gql(
        UPDATE_ORGANISATION,
        { id: org.id.toUpperCase(), input: { specialisms: ['BME'] } },
        coordinator.token,
      );
      expect(own.data?.updateOrganisation).toMatchObject({ id: org.id, specialisms: ['BME'] });
      for (const id of [other.id, other.id.toUpperCase()]) {
        const result = await api.gql(
          UPDATE_ORGANISATION,
          { id, input: { name: unique('Taken') } },
          coordinator.token,
        );
        expect(codeOf(result)).toBe('NOT_FOUND');
      }
      expect(await organisationAudits(other.id)).toEqual([]);
    });

    it('the organisations directory runs the same number of statements for 3 and for 15 organisations with their schemes', async () => {
      const tag = unique('npo').replace(/[^a-z0-9]/gi, '');
      const orgs = [];
      for (let i = 0; i < 15; i += 1)
        orgs.push(await createOrganisation(api, admin, { name: `${tag} ${i}` }));
      for (const org of orgs.slice(0, 5))
        await createScheme(api, admin, schemeInput(org.id, { name: unique('S') }));
      await api.ok(DIRECTORY, { search: tag, first: 1 }, admin);
      const three = await statementsDuring(api, () =>
        api.ok(DIRECTORY, { search: tag, first: 3 }, admin),
      );
      const fifteen = await statementsDuring(api, () =>
        api.ok(DIRECTORY, { search: tag, first: 15 }, admin),
      );
      expect(fifteen.length).toBe(three.length);
    });
  });

  describe('volunteers(search)', () => {
    it('runs the same number of statements for 3 and for 15 matches with their accounts and organisation', async () => {
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      await insertVolunteers(api, 15, org.id);
      // A first call fills the per-account caches (account status), so both counts are warm.
      await api.ok(VOLUNTEERS, { search: 'bulk', first: 1 }, coordinator.token);
      const three = await statementsDuring(api, () =>
        api.ok(VOLUNTEERS, { search: 'bulk', first: 3 }, coordinator.token),
      );
      const fifteen = await statementsDuring(api, () =>
        api.ok(VOLUNTEERS, { search: 'bulk', first: 15 }, coordinator.token),
      );
      expect(fifteen.length).toBe(three.length);
    });

    it("never finds another organisation's volunteer by their email or name, and LIKE wildcards and backslashes match literally", async () => {
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      const otherOrg = await createOrganisation(api, admin);
      const stranger = await registerMentor(api, {
        organisationId: otherOrg.id,
        displayName: 'Zed Stranger',
      });
      for (const search of [
        stranger.email,
        stranger.email.toUpperCase(),
        'Zed Stranger',
        '%',
        '_',
        '\\',
      ]) {
        const result = await api.ok<{ volunteers: { totalCount: number } }>(
          VOLUNTEERS,
          { search },
          coordinator.token,
        );
        expect(result.volunteers.totalCount).toBe(0);
      }
    });
  });

  describe('a crafted keyset cursor', () => {
    const cursor = (iso: string, id = '3f0c1d2e-1111-4222-8333-444455556666') =>
      Buffer.from(`${iso}|${id}`, 'utf8').toString('base64url');

    it.each([
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
    ])(
      'with a date PostgreSQL cannot hold (%s) is BAD_USER_INPUT on after in volunteers, organisations and schemes, never an internal error',
      async (iso) => {
        const org = await createOrganisation(api, admin);
        const coordinator = await createStaff(api, admin, {
          role: 'COORDINATOR',
          organisationId: org.id,
        });
        const after = cursor(iso);
        const lists = [
          ['query($after: String) { volunteers(after: $after) { totalCount } }', coordinator.token],
          ['query($after: String) { organisations(after: $after) { totalCount } }', admin],
          ['query($after: String) { schemes(after: $after) { totalCount } }', admin],
        ];
        for (const [query, token] of lists) {
          const result = await api.gql(query, { after }, token);
          expect(codeOf(result)).toBe('BAD_USER_INPUT');
          expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['after']);
        }
      },
    );

    it("naming another organisation's volunteer answers as a made-up id does: nothing about its place is revealed", async () => {
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      await insertVolunteers(api, 4, org.id);
      const [stranger] = await insertVolunteers(api, 1, (await createOrganisation(api, admin)).id);
      const iso = new Date().toISOString();
      const page = async (id: string) =>
        (
          await api.ok<{ volunteers: { edges: { node: { id: string } }[] } }>(
            'query($after: String) { volunteers(after: $after, first: 100) { edges { node { id } } } }',
            { after: cursor(iso, id) },
            coordinator.token,
          )
        ).volunteers.edges.map((e) => e.node.id);
      expect(await page(stranger)).toEqual(await page('00000000-0000-4000-8000-000000000000'));
    });
  });

  describe('referrals(after, schemeId)', () => {
    it("`after` in capitals continues the list; another side's referral, in any case, is the same BAD_USER_INPUT as a made-up id", async () => {
      const world = await referralWorld(api);
      const other = await referralWorld(api);
      const [older, newer] = [
        await createReferral(api, world.prison.token, referralInput(api, world.scheme.id)),
        await createReferral(api, world.prison.token, referralInput(api, world.scheme.id)),
      ];
      const theirs = await createReferral(
        api,
        world.prison.token,
        referralInput(api, other.scheme.id),
      );
      const page = await api.ok<{ referrals: { id: string }[] }>(
        REFERRALS,
        { after: newer.id.toUpperCase(), schemeId: world.scheme.id.toUpperCase() },
        world.coordinator.token,
      );
      expect(page.referrals.map((r) => r.id)).toEqual([older.id]);
      const madeUp = await api.gql(
        REFERRALS,
        { after: '00000000-0000-4000-8000-000000000000' },
        world.coordinator.token,
      );
      for (const after of [theirs.id, theirs.id.toUpperCase()]) {
        const result = await api.gql(REFERRALS, { after }, world.coordinator.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].message).toBe(madeUp.errors?.[0].message);
      }
      // Another organisation's scheme as a filter shows nothing, as an unknown scheme does.
      const filtered = await api.ok<{ referrals: unknown[] }>(
        REFERRALS,
        { schemeId: other.scheme.id },
        world.coordinator.token,
      );
      expect(filtered.referrals).toEqual([]);
    });
  });
});
