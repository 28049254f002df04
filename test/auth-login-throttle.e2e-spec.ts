import { TestApi, codeOf, unique } from './support/app';
import { createStaff } from './support/factories';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const LIMIT = 5; // LOGIN_FAILURES_PER_MINUTE default

describe('login throttle under concurrency and behind a proxy', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('does not let concurrent guesses for one email exceed the per-email limit', async () => {
    const staff = await createStaff(api, admin, { role: 'ADMIN' });
    // Each from its own address (the helper's default), so only the per-email counter applies.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.gql(LOGIN, { e: staff.email, p: `wrong passphrase ${i}` }),
      ),
    );
    const checked = results.filter((result) => codeOf(result) === 'UNAUTHENTICATED').length;
    expect(checked).toBeLessThanOrEqual(LIMIT);
  });

  it('keys the per-address limit on the address the proxy saw, not on a client-supplied X-Forwarded-For entry', async () => {
    // TRUST_PROXY=true (as documented behind a load balancer): the balancer appends the address it
    // saw (203.0.113.9) to whatever X-Forwarded-For the client sent, which the client controls.
    const codes: (string | undefined)[] = [];
    for (let attempt = 1; attempt <= LIMIT + 1; attempt += 1) {
      const result = await api.gql(
        LOGIN,
        { e: `${unique('guess')}@example.org`, p: 'wrong passphrase' },
        undefined,
        {
          'x-forwarded-for': `198.51.100.${attempt}, 203.0.113.9`,
        },
      );
      codes.push(codeOf(result));
    }
    expect(codes[LIMIT]).toBe('RATE_LIMITED');
  });
});
