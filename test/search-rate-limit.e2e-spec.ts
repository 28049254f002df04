import { TestApi, codeOf } from './support/app';
import { createStaff } from './support/factories';
import { SEARCH_SERVICES } from './support/schemes';

describe('searchServices rate limit', () => {
  let api: TestApi;
  let admin: string;
  const previous = process.env.SEARCH_RATE_LIMIT_PER_MINUTE;

  beforeAll(async () => {
    process.env.SEARCH_RATE_LIMIT_PER_MINUTE = '3';
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.stop();
    if (previous === undefined) delete process.env.SEARCH_RATE_LIMIT_PER_MINUTE;
    else process.env.SEARCH_RATE_LIMIT_PER_MINUTE = previous;
  });

  it('allows SEARCH_RATE_LIMIT_PER_MINUTE searches a minute per user, then RATE_LIMITED; other users are not affected', async () => {
    const officer = (await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'MRI' }))
      .token;
    const colleague = (await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'MRI' }))
      .token;
    const input = { releasePostcode: 'M14' };
    for (let i = 0; i < 3; i += 1)
      expect(codeOf(await api.gql(SEARCH_SERVICES, { input }, officer))).toBeUndefined();
    const limited = await api.gql(SEARCH_SERVICES, { input }, officer);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].message).toMatch(/at most 3 a minute/);
    expect(codeOf(await api.gql(SEARCH_SERVICES, { input }, colleague))).toBeUndefined();
  });
});
