import { randomBytes } from 'node:crypto';

/** Admin account every e2e app boots with (BOOTSTRAP_ADMIN_*). */
export const TEST_ADMIN = {
  email: 'admin@test.resettle.example',
  password: 'correct horse battery staple',
};

/** One database and one Redis prefix per test run, so runs (and a demo) never see each other. */
export function newRunEnvironment(): Record<string, string> {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  return {
    NODE_ENV: 'test',
    TEST_RUN_ID: run,
    TEST_DATABASE_SERVER: server,
    DATABASE_URL: `${server}/resettle_test_${run}`,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `test_${run}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    TRUST_PROXY: 'true',
    // The suites register hundreds of mentors from one address; test/registration-limit sets its own.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  };
}
