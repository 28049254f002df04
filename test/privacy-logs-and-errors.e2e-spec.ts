import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { GqlResult, TestApi } from './support/app';
import { LoggedStack, startLoggedStack } from './support/logged-stack';
import { TestSmtpServer, eventually } from './support/notifications';

// "Sensitive data is never logged": prison numbers, risk levels, vetting notes, passwords, tokens
// and full postcodes must not reach the logs (the API's and the worker's, at the most verbose
// level), error messages sent to clients, audit details, BullMQ job records or notifications.
// The API and the worker run in this process with their pino loggers on, on a database and Redis
// prefix of this file's own, and what they write to stdout is kept.

jest.setTimeout(120_000);

const WRONG_PASSWORD = 'not the password but a long one';
const NOTES = 'Disclosed: burglary 2016, assessed as low risk by panel';
const BARRED_NOTES = 'Barred-list entry confirmed with DBS adviser';
const FULL_POSTCODES = ['LS6 1AA', 'LS61AA', 'ls6 1aa'];

describe('sensitive values never reach logs, error messages, audit details or job records', () => {
  let written: string[] = [];
  let stack: LoggedStack;
  const logs = () => written.join('');
  /** Every value that must appear nowhere; filled as the flows run. */
  const secrets = new Set<string>([WRONG_PASSWORD, NOTES, BARRED_NOTES, ...FULL_POSTCODES]);
  const errors: GqlResult[] = [];

  let api: TestApi;
  let db: DataSource;
  let smtp: TestSmtpServer;
  let prefix: string;

  let f: typeof import('./support/factories');
  let m: typeof import('./support/matching');
  let v: typeof import('./support/vetting');

  /** A call expected to fail: kept so every error message can be checked at the end. */
  async function failing(query: string, variables: Record<string, unknown>, token?: string) {
    const result = await api.gql(query, variables, token);
    expect(result.errors?.length).toBeGreaterThan(0);
    errors.push(result);
    return result;
  }

  beforeAll(async () => {
    // The API and the worker log at trace; what they write to stdout is kept in `written`.
    stack = await startLoggedStack('sensitive');
    ({ api, smtp, written, prefix } = stack);
    db = api.app.get((await import('typeorm')).DataSource);
    f = await import('./support/factories');
    m = await import('./support/matching');
    v = await import('./support/vetting');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    jest.restoreAllMocks();
  });

  it('signs in and refuses a wrong password without echoing either, or the token', async () => {
    const { TEST_ADMIN } = await import('./support/test-env');
    secrets.add(TEST_ADMIN.password);
    secrets.add(f.STRONG_PASSWORD);
    const LOGIN =
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
    await failing(LOGIN, { email: TEST_ADMIN.email, password: WRONG_PASSWORD });
    await failing(LOGIN, { email: TEST_ADMIN.email, password: 'short' });
    secrets.add(await api.adminToken());
  });

  it('creates referrals and refuses bad ones without echoing prison numbers, risk or postcodes', async () => {
    const world = await m.referralWorld(api, { maxRiskLevel: 'VERY_HIGH' });
    for (const token of [world.admin, world.coordinator.token, world.prison.token])
      secrets.add(token);
    const input = m.referralInput(api, world.scheme.id, { riskLevel: 'VERY_HIGH' });
    secrets.add(input.personReference as string);
    const referral = await m.createReferral(api, world.prison.token, input);
    // Read back by the coordinator: an audited read of the prison number.
    await api.ok(m.REFERRAL, { id: referral.id }, world.coordinator.token);

    const duplicate = await failing(m.CREATE_REFERRAL, { input }, world.prison.token);
    expect(duplicate.errors?.[0].extensions.code).toBe('CONFLICT');

    const invalid = 'Q12345ZZ';
    secrets.add(invalid);
    await failing(
      m.CREATE_REFERRAL,
      { input: { ...input, personReference: invalid } },
      world.prison.token,
    );

    // Ineligible (too risky for a LOW scheme), unknown prison, unknown district.
    const low = await m.referralWorld(api, { maxRiskLevel: 'LOW' });
    const risky = m.referralInput(api, low.scheme.id, { riskLevel: 'VERY_HIGH' });
    secrets.add(risky.personReference as string);
    await failing(m.CREATE_REFERRAL, { input: risky }, low.prison.token);
    await failing(m.CREATE_REFERRAL, { input: { ...input, prisonCode: 'XXX' } }, world.admin);
    await failing(
      m.CREATE_REFERRAL,
      { input: { ...input, releasePostcode: 'ZZ9 9ZZ' } },
      world.prison.token,
    );

    // Not the caller's rules but GraphQL's: a missing or unknown field of the input object.
    const { consentGiven: _consent, ...withoutConsent } = input;
    const missing = await failing(m.CREATE_REFERRAL, { input: withoutConsent }, world.prison.token);
    // Still says what is wrong, and where.
    expect(missing.errors?.[0].message).toBe(
      'Variable "$input" got an invalid value; Field "consentGiven" of required type "Boolean!" was not provided.',
    );
    await failing(m.CREATE_REFERRAL, { input: { ...input, nickname: 'x' } }, world.prison.token);
  });

  it('records and reads vetting outcomes with notes without copying the notes anywhere', async () => {
    const admin = await api.adminToken();
    const org = await f.createOrganisation(api, admin);
    const coordinator = await f.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    secrets.add(coordinator.token);
    await v.vettingScheme(api, coordinator.token, org.id, {
      requiredDbsLevel: 'ENHANCED',
      requiredBarredLists: ['CHILDREN'],
    });
    const mentor = await f.registerMentor(api, { organisationId: org.id });
    secrets.add(mentor.token);

    const assessment = await v.completeCheck(api, coordinator.token, mentor.id, {
      kind: 'CONVICTION_RISK_ASSESSMENT',
      notes: NOTES,
    });
    const barred = await v.completeCheck(api, coordinator.token, mentor.id, {
      kind: 'DBS',
      dbsLevel: 'ENHANCED',
      barredLists: ['CHILDREN'],
      status: 'BARRED',
      notes: BARRED_NOTES,
    });
    await api.ok(v.CHECKS_WITH_NOTES, { id: mentor.id }, coordinator.token);

    const again = await failing(
      v.RECORD_OUTCOME,
      { input: { checkId: assessment.id, status: 'REJECTED', notes: NOTES } },
      coordinator.token,
    );
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    await failing(
      v.RECORD_OUTCOME,
      { input: { checkId: barred.id, notes: BARRED_NOTES } },
      coordinator.token,
    );
  });

  it('has written request logs, and none of the values above is in them', async () => {
    // The outbox rows of these flows delivered (in-app and email) before the logs are read.
    await eventually(
      'the outbox to be delivered',
      async () =>
        Number((await db.query('SELECT count(*) AS n FROM notification_outbox_pending'))[0].n) ===
        0,
      30_000,
    );
    const text = logs();
    expect(text).toContain('"url":"/graphql"');
    expect(text).toContain('QueueWorkers');
    for (const secret of secrets)
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    expect(text).not.toContain('VERY_HIGH');
  });

  it('sends error messages and extensions that echo none of them', () => {
    const echoed = errors.flatMap((result) =>
      [...secrets]
        .filter((secret) => JSON.stringify(result.errors).includes(secret))
        .map((secret) => ({ secret, message: result.errors?.[0].message })),
    );
    expect(echoed).toEqual([]);
  });

  it('writes audit details that record what happened, not the sensitive values', async () => {
    const rows: { action: string; details: unknown }[] = await db.query(
      'SELECT action, details FROM audit_events',
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'referral.created',
        'vetting.outcome_recorded',
        'vetting.notes_read',
      ]),
    );
    const details = JSON.stringify(rows);
    for (const secret of secrets)
      expect({ secret, found: details.includes(secret) }).toEqual({ secret, found: false });
    // Field names (`fields: ['personReference', 'riskLevel']` of a read) are facts, not values.
    expect(details).not.toContain('VERY_HIGH');
  });

  it('keeps none of them in BullMQ job records, in-app notifications or emails', async () => {
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      const jobs: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        for (const key of keys)
          if ((await redis.type(key)) === 'hash')
            jobs.push(JSON.stringify(await redis.hgetall(key)));
        cursor = next;
      } while (cursor !== '0');
      const notifications: unknown[] = await db.query('SELECT subject, body FROM notifications');
      expect(notifications.length).toBeGreaterThan(0);
      expect(smtp.mails.length).toBeGreaterThan(0);
      const stored = JSON.stringify([jobs, notifications, smtp.mails.map((mail) => mail.raw)]);
      for (const secret of secrets)
        expect({ secret, found: stored.includes(secret) }).toEqual({ secret, found: false });
      expect(stored).not.toContain('VERY_HIGH');
    } finally {
      redis.disconnect();
    }
  });
});
