import type { TestApi as Api } from './support/app';

// registerMentor is public and says whether an email has an account: a client address may register
// REGISTRATIONS_PER_ADDRESS_PER_HOUR times an hour, set low here before the app is loaded.
describe('mentor registrations per address', () => {
  let api: Api;
  let factories: typeof import('./support/factories');
  let codeOf: typeof import('./support/app').codeOf;
  const previous = process.env.REGISTRATIONS_PER_ADDRESS_PER_HOUR;

  beforeAll(async () => {
    process.env.REGISTRATIONS_PER_ADDRESS_PER_HOUR = '3';
    const app = await import('./support/app');
    factories = await import('./support/factories');
    codeOf = app.codeOf;
    api = await app.TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
    if (previous === undefined) delete process.env.REGISTRATIONS_PER_ADDRESS_PER_HOUR;
    else process.env.REGISTRATIONS_PER_ADDRESS_PER_HOUR = previous;
  });

  const register = (address: string) =>
    api.http
      .post('/graphql')
      .set('x-forwarded-for', address)
      .send({ query: factories.REGISTER_MENTOR, variables: { input: factories.mentorInput() } });

  it('allows the limit from one address, then RATE_LIMITED; another address is not affected', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await register('198.51.100.20')).body.data?.registerMentor?.accessToken).toEqual(
        expect.any(String),
      );
    const fourth = await register('198.51.100.20');
    expect(codeOf(fourth.body)).toBe('RATE_LIMITED');
    expect(fourth.body.data).toBeNull();
    expect((await register('198.51.100.21')).body.data?.registerMentor?.accessToken).toEqual(
      expect.any(String),
    );
  });
  it('counts the IPv6 addresses of one /64 (one household or server) as one address', async () => {
    for (let i = 1; i <= 3; i += 1)
      expect((await register(`2001:db8:5:1::${i}`)).body.data?.registerMentor?.accessToken).toEqual(
        expect.any(String),
      );
    expect(codeOf((await register('2001:db8:5:1:ffff::9')).body)).toBe('RATE_LIMITED');
    expect((await register('2001:db8:5:2::1')).body.data?.registerMentor?.accessToken).toEqual(
      expect.any(String),
    );
  });
});
