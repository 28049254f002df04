import { validateEnvironment } from './env.validation';

describe('validateEnvironment', () => {
  it('fills in the documented defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/resettle',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      AUTH_STATUS_CACHE_MS: 10000,
    });
  });

  it.each([
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid configuration: DATABASE_URL must be a postgres:// URL',
    ],
    [{ REDIS_URL: 'localhost' }, 'Invalid configuration: REDIS_URL must be a redis:// URL'],
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT must be an integer number'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT must not be greater than 65535'],
    [{ NODE_ENV: 'production' }, 'Invalid configuration: JWT_SECRET is required'],
    [{ JWT_SECRET: 'short' }, 'Invalid configuration: JWT_SECRET must be at least 32 characters'],
    [
      { BOOTSTRAP_ADMIN_EMAIL: 'not-an-email' },
      'Invalid configuration: BOOTSTRAP_ADMIN_EMAIL must be an email',
    ],
    [
      { BOOTSTRAP_ADMIN_EMAIL: 'a@b.org' },
      'Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD is required',
    ],
    // Longer would let a disabled account's tokens work for minutes on other replicas.
    [
      { AUTH_STATUS_CACHE_MS: '600000' },
      'Invalid configuration: AUTH_STATUS_CACHE_MS must not be greater than 300000',
    ],
    // Purging a reminder's outbox row while it can still be looked for would send it again.
    [
      { OUTBOX_RETENTION_DAYS: '30' },
      'Invalid configuration: OUTBOX_RETENTION_DAYS must be at least 90',
    ],
  ])('stops on %o with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(message);
  });

  it('accepts production with a long secret', () => {
    expect(
      validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV,
    ).toBe('production');
  });
});
