import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TestApi } from './support/app';
import { eventually, sleep } from './support/notifications';
import type { OwnStack } from './support/own-stack';

// Without an email provider (neither SMTP_URL nor GOV.UK Notify), a kind that goes by email only
// (account.password_reset) cannot be delivered at all: it must end as a FAILED email delivery that
// ADMINs see, with a clear reason and one warning in the log, not vanish. Kinds with another
// channel (in-app) keep skipping email silently. The API and a worker run in this process.

jest.setTimeout(120_000);

const NO_PROVIDER = 'no email provider is configured (SMTP_URL or NOTIFY_API_KEY)';
const RESET_URL = 'https://resettle.test/reset-password';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const CHANGE =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }';
const FAILED = `{ failedDeliveries(first: 100) { totalCount edges { node {
  id kind channel status recipientUserId failures lastError createdAt updatedAt } } } }`;

interface FailedNode {
  id: string;
  kind: string;
  channel: string;
  status: string;
  recipientUserId: string;
  failures: number;
  lastError: string | null;
}

describe('a notification whose only channel has no provider', () => {
  let stack: OwnStack;
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  let f: typeof import('./support/factories');
  const warnings: string[] = [];

  const failed = async (): Promise<FailedNode[]> =>
    (
      await api.ok<{ failedDeliveries: { edges: { node: FailedNode }[] } }>(FAILED, {}, admin)
    ).failedDeliveries.edges.map((edge) => edge.node);

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (
      this: Logger,
      message: unknown,
    ) {
      warnings.push(`${this.context ?? ''}: ${String(message)}`);
    });
    const { startOwnStack } = await import('./support/own-stack');
    stack = await startOwnStack('noemail', {
      // Empty counts as not set, whatever the shell running the tests has.
      SMTP_URL: '',
      NOTIFY_API_KEY: '',
      PASSWORD_RESET_URL: RESET_URL,
      OUTBOX_RELAY_POLL_MS: '200',
      JOB_BACKOFF_DELAY_MS: '100',
    });
    api = stack.api;
    const typeorm = await import('typeorm');
    db = api.app.get(typeorm.DataSource);
    f = await import('./support/factories');
    admin = await api.adminToken();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    jest.restoreAllMocks();
  });

  it('a reset link ends as a FAILED email delivery with a clear reason, logged once without personal data', async () => {
    const mentor = await f.registerMentor(api);
    expect(
      (await api.ok<{ requestPasswordReset: boolean }>(REQUEST, { e: mentor.email }))
        .requestPasswordReset,
    ).toBe(true);

    const node = await eventually('the failed reset delivery', async () =>
      (await failed()).find(
        (row) => row.kind === 'account.password_reset' && row.recipientUserId === mentor.userId,
      ),
    );
    expect(node).toMatchObject({
      kind: 'account.password_reset',
      channel: 'EMAIL',
      status: 'FAILED',
      recipientUserId: mentor.userId,
      failures: 1,
      lastError: NO_PROVIDER,
    });

    // The ADMINs' list shows neither the link nor its token.
    const listed = JSON.stringify(await failed());
    expect(listed).not.toContain(RESET_URL);
    expect(listed).not.toContain('token');

    // Finished at once (retrying cannot help until a provider is configured): nothing pending.
    const [outbox]: { id: string; pending: number }[] = await db.query(
      `SELECT o.id, (SELECT count(*)::int FROM notification_outbox_pending p WHERE p.outbox_id = o.id) AS pending
       FROM notification_outbox o
       WHERE o.kind = 'account.password_reset' AND o.recipients @> $1::jsonb`,
      [JSON.stringify([{ userId: mentor.userId }])],
    );
    expect(outbox.pending).toBe(0);
    // Never written in-app.
    const inApp: unknown[] = await db.query(
      `SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'account.password_reset'`,
      [mentor.userId],
    );
    expect(inApp).toEqual([]);

    await sleep(1000);
    const logged = warnings.filter((line) => line.includes(NO_PROVIDER));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('account.password_reset');
    expect(logged[0]).toContain(outbox.id);
    expect(logged[0]).not.toContain(mentor.email);
    expect(logged[0]).not.toContain(mentor.userId);
    expect(logged[0]).not.toContain(RESET_URL);
    // Still one delivery row, failed once (no retries of a channel that cannot work).
    const rows: { status: string; failures: number }[] = await db.query(
      `SELECT status, failures FROM notification_deliveries WHERE outbox_id = $1`,
      [outbox.id],
    );
    expect(rows).toEqual([{ status: 'FAILED', failures: 1 }]);
  });

  it('a kind with another channel (in-app) still skips the unconfigured email silently', async () => {
    const mentor = await f.registerMentor(api);
    const before = warnings.length;
    await api.ok(
      CHANGE,
      { c: f.STRONG_PASSWORD, n: 'amber willow meadow 42 change' },
      mentor.token,
    );

    await eventually('the in-app password-changed notice', async () => {
      const rows: unknown[] = await db.query(
        `SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'account.password_changed'`,
        [mentor.userId],
      );
      return rows.length === 1 ? rows : undefined;
    });
    await sleep(500);
    const deliveries: unknown[] = await db.query(
      `SELECT d.status FROM notification_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id
       WHERE o.kind = 'account.password_changed' AND d.user_id = $1`,
      [mentor.userId],
    );
    expect(deliveries).toEqual([]);
    expect(
      (await failed()).some(
        (row) => row.recipientUserId === mentor.userId && row.kind === 'account.password_changed',
      ),
    ).toBe(false);
    expect(warnings.slice(before).filter((line) => line.includes(NO_PROVIDER))).toEqual([]);
  });
});
