import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import { CREATE_REFERRAL, referralInput, referralWorld } from './support/matching';
import { CREATE_SCHEME, UPDATE_SCHEME, schemeInput } from './support/schemes';

// Text is checked as it will be stored, after it is trimmed:
// - a scheme description of spaces is refused on create (where it is required) and on update
//   (where it is optional, but a blank one is still no description);
// - createReferral languages must be ISO 639-1 codes, as registerMentor and createScheme require.

type World = Awaited<ReturnType<typeof referralWorld>>;

describe('scheme description and referral languages', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await referralWorld(api);
  });
  afterAll(() => api.stop());

  it('createScheme with a description of spaces is BAD_USER_INPUT on input.description, nothing created', async () => {
    const name = unique('Blank description');
    const result = await api.gql(
      CREATE_SCHEME,
      { input: schemeInput(world.org.id, { name, description: '   ' }) },
      world.coordinator.token,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
      'input.description',
    ]);
    const [{ n }] = await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM schemes WHERE name = $1', [name]);
    expect(n).toBe(0);
  });

  it('updateScheme with a description of spaces is BAD_USER_INPUT on input.description, description kept', async () => {
    const result = await api.gql(
      UPDATE_SCHEME,
      { id: world.scheme.id, input: { description: ' \t ' } },
      world.coordinator.token,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
      'input.description',
    ]);
    const [row] = await api.app
      .get(DataSource)
      .query('SELECT description FROM schemes WHERE id = $1', [world.scheme.id]);
    expect(row.description).toBe(world.scheme.description);
  });

  it.each([
    ['a code that is no language', ['en', 'zz']],
    ['two spaces', ['en', '  ']],
  ])(
    'createReferral with languages holding %s is BAD_USER_INPUT on input.languages',
    async (_name, languages) => {
      const result = await api.gql(
        CREATE_REFERRAL,
        { input: referralInput(api, world.scheme.id, { languages }) },
        world.prison.token,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toEqual([
        'input.languages',
      ]);
    },
  );

  it('createReferral stores languages given in any case as lower-case ISO 639-1 codes', async () => {
    const result = await api.gql(
      CREATE_REFERRAL,
      { input: referralInput(api, world.scheme.id, { languages: ['EN', 'en', 'Pl'] }) },
      world.prison.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.createReferral.languages).toEqual(['en', 'pl']);
  });
});
