import type { TestApi as Api } from './support/app';

// Production-only behaviour: NODE_ENV is set before the app (and its ConfigModule) is loaded.
describe('GraphQL schema hidden in production', () => {
  let api: Api;
  const previous = process.env.NODE_ENV;

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    const { TestApi } = await import('./support/app');
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
    process.env.NODE_ENV = previous;
  });

  it('turns introspection off (sound) and does not leak field names through "Did you mean" suggestions', async () => {
    const introspection = await api.gql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection is not allowed/);
    const typo = await api.gql('{ mee { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});
