import { TestApi } from './support/app';

// An operationName that names no operation in the document: Apollo calls didResolveOperation
// before it refuses the request, so the query-limits plugin must leave it to Apollo (it used to
// cost the missing operation and send its TypeError's text to the client).

describe('malformed requests', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('an unknown operationName is BAD_USER_INPUT with a clear message, not an internal TypeError text', async () => {
    const response = await api.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send({ query: '{ me { id } }', operationName: 'Nope' });
    const error = response.body.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).not.toMatch(/Cannot read properties|undefined/);
    expect(error?.message).toMatch(/Nope/);
  });
});
