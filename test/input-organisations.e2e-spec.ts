import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';

// Organisation names are unique in any case, by a unique index on lower(name): of overlapping
// createOrganisation requests for one name, in any case, one creates it and the others are
// CONFLICT, as a duplicate that does not overlap is; the database refuses any other writer too. The name's 2-to-200 characters are counted
// after it is trimmed.

const CREATE_ORGANISATION =
  'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }';

describe('createOrganisation input', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('sent several times at once with one name: one is created, the others are CONFLICT', async () => {
    // A few rounds: the race is won or lost by timing.
    for (let round = 0; round < 5; round += 1) {
      const name = unique('Double submit org');
      const results = await Promise.all(
        Array.from({ length: 6 }, () => api.gql(CREATE_ORGANISATION, { input: { name } }, admin)),
      );
      const codes = results.map((result) => codeOf(result) ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
      const [{ n }] = await api.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM organisations WHERE name = $1', [name]);
      expect(n).toBe(1);
    }
  });

  it('sent at once as "Name" and "NAME": one is created, the other is CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const name = unique('Case race org');
      const results = await Promise.all(
        [name, name.toUpperCase()].map((given) =>
          api.gql(CREATE_ORGANISATION, { input: { name: given } }, admin),
        ),
      );
      expect(results.map((result) => codeOf(result) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const [{ n }] = await api.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM organisations WHERE lower(name) = lower($1)', [
          name,
        ]);
      expect(n).toBe(1);
    }
  });

  it('the database itself refuses a second name that differs only in case', async () => {
    const name = unique('Any case org');
    const insert = (given: string) =>
      api.app.get(DataSource).query('INSERT INTO organisations (name) VALUES ($1)', [given]);
    await insert(name);
    await expect(insert(name.toLowerCase())).rejects.toMatchObject({ code: '23505' });
  });

  it.each([
    ['only spaces', '      '],
    ['one character padded with spaces', ' a '],
  ])('a name of %s is BAD_USER_INPUT on name, nothing created', async (_name, name) => {
    const result = await api.gql(CREATE_ORGANISATION, { input: { name } }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual(['input.name']);
    const [{ n }] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM organisations WHERE name = $1', [name.trim()]);
    expect(n).toBe(0);
  });
});
