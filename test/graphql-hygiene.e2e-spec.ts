import { TestApi, codeOf } from './support/app';

describe('GraphQL hygiene', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('answers a malformed document with BAD_USER_INPUT and no stack trace', async () => {
    const response = await api.http.post('/graphql').send({ query: '{ me { id ' });
    expect(response.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers an unknown field or a wrong enum value with BAD_USER_INPUT', async () => {
    expect(codeOf(await api.gql('{ me { shoeSize } }', {}, admin))).toBe('BAD_USER_INPUT');
    const badEnum = await api.gql(
      'mutation { createStaffUser(input: { email: "x@example.org", password: "a long passphrase here", role: KING }) { id } }',
      {},
      admin,
    );
    expect(codeOf(badEnum)).toBe('BAD_USER_INPUT');
  });

  it('lists the fields that failed input validation', async () => {
    const result = await api.gql(
      'mutation { createOrganisation(input: { name: "A", dbsRecheckYears: 40 }) { id } }',
      {},
      admin,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions.fields?.map((f) => f.field).sort();
    expect(fields).toEqual(['input.dbsRecheckYears', 'input.name']);
  });

  it('refuses a query whose cost is over the complexity limit', async () => {
    const aliases = Array.from({ length: 2100 }, (_, i) => `m${i}: me { id }`).join(' ');
    const result = await api.gql(`{ ${aliases} }`, {}, admin);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/too complex/);
  });

  it('blocks a simple cross-site GET request (CSRF prevention)', async () => {
    const response = await api.http.get('/graphql').query({ query: '{ me { id } }' });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/CSRF/);
  });

  it('serves GET /health with database and Redis up', async () => {
    const response = await api.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body.details).toEqual({
      database: expect.objectContaining({ status: 'up' }),
      redis: { status: 'up' },
    });
  });

  it("echoes a proxy's x-request-id, and gives a request without a usable one its own", async () => {
    const given = await api.http
      .post('/graphql')
      .set('x-request-id', 'edge-42')
      .send({ query: '{ __typename }' });
    expect(given.headers['x-request-id']).toBe('edge-42');
    const odd = await api.http
      .post('/graphql')
      .set('x-request-id', 'not a token!')
      .send({ query: '{ __typename }' });
    const none = await api.http.post('/graphql').send({ query: '{ __typename }' });
    for (const response of [odd, none])
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/);
    expect(odd.headers['x-request-id']).not.toBe(none.headers['x-request-id']);
  });
});
