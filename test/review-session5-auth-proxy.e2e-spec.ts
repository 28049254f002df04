import type { OwnApi } from './support/own-stack';

// Review: with TRUST_PROXY off (the default, no balancer in front) a client cannot dodge the
// per-address limit of requestPasswordReset by writing its own X-Forwarded-For: the address is the
// connection's.

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const PER_ADDRESS = 3;

describe('requestPasswordReset per-address limit without a trusted proxy', () => {
  let stack: OwnApi;
  let codeOf: typeof import('./support/app').codeOf;
  let unique: typeof import('./support/app').unique;

  beforeAll(async () => {
    const { startOwnApi } = await import('./support/own-stack');
    stack = await startOwnApi('r5proxy', {
      TRUST_PROXY: 'false',
      PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
    });
    ({ codeOf, unique } = await import('./support/app'));
  }, 120_000);
  afterAll(() => stack?.stop());

  it('counts every request against the connection address, whatever X-Forwarded-For says', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= PER_ADDRESS; i += 1) {
      const result = await stack.api.gql(
        REQUEST,
        { e: `${unique('spoof')}@example.org` },
        undefined,
        { 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `203.0.113.${i + 1}` },
      );
      codes.push(codeOf(result));
    }
    expect(codes).toEqual([...Array(PER_ADDRESS).fill(undefined), 'RATE_LIMITED']);
  });
});
