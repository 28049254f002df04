import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import { createOrganisation } from './support/factories';

// Half of a UTF-16 surrogate pair is not a character: PostgreSQL would keep it as "\uFFFD",
// silently changing what was sent, so any text holding one is BAD_USER_INPUT before anything runs.
// A whole pair (an emoji) is an ordinary character.

const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id name }
}`;
const UPDATE_ORGANISATION = `mutation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { id name }
}`;

describe('text holding a lone surrogate', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it.each([
    ['a high surrogate at the end', 'Mentors \uD83C'],
    ['a low surrogate alone', 'Ment\uDF31ors'],
    ['two high surrogates', '\uD83C\uD83C Mentors'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_case, text) => {
    const name = `${unique('Surrogate')} ${text}`;
    const result = await api.gql(CREATE_ORGANISATION, { input: { name } }, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields).toEqual([
      {
        field: 'input.name',
        message: 'must not contain a broken character (a lone UTF-16 surrogate)',
      },
    ]);
    const stored = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM organisations WHERE name LIKE $1', [
        `${name.slice(0, 20)}%`,
      ]);
    expect(stored[0].n).toBe(0);
  });

  it('is refused in nested input too (an update), while a whole emoji is kept as sent', async () => {
    const org = await createOrganisation(api, admin);
    const broken = await api.gql(
      UPDATE_ORGANISATION,
      { id: org.id, input: { name: 'Growing \uD83C together' } },
      admin,
    );
    expect(codeOf(broken)).toBe('BAD_USER_INPUT');
    const name = `${unique('Growing')} \uD83C\uDF31 together`;
    const kept = await api.ok<{ updateOrganisation: { name: string } }>(
      UPDATE_ORGANISATION,
      { id: org.id, input: { name } },
      admin,
    );
    expect(kept.updateOrganisation.name).toBe(name);
    const [row] = await api.app
      .get(DataSource)
      .query('SELECT name FROM organisations WHERE id = $1', [org.id]);
    expect(row.name).toBe(name);
  });
});
