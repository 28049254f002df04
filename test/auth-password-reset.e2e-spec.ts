import type { INestApplicationContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { GqlResult, TestApi } from './support/app';
import { LoggedStack, startLoggedStack } from './support/logged-stack';
import { TestSmtpServer, eventually } from './support/notifications';

// changePassword, requestPasswordReset and resetPassword, driven through the GraphQL API as clients
// do. The API and the worker run in this process, on a database and Redis prefix of this file's
// own, with a real SMTP server; the reset link is read from the email that arrives there. Their
// logs (at trace level) are kept to check that no password or reset token reaches them.

jest.setTimeout(120_000);

const RESET_URL = 'https://resettle.test/reset-password';
const PER_EMAIL = 3;
const PER_ADDRESS = 6;
const LOGIN_LIMIT = 5; // LOGIN_FAILURES_PER_MINUTE default
const INVALID_LINK = 'This reset link is invalid or has expired';

const ME = '{ me { id email } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }';
const CHANGE =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken user { id email } } }';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET =
  'mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { accessToken user { id email } } }';
const MY_NOTIFICATIONS = '{ myNotifications { kind subject body } }';

describe('changing and resetting passwords', () => {
  let written: string[] = [];
  let stack: LoggedStack;
  /** Every password and reset token used here: none may be logged, audited or sent back. */
  const secrets = new Set<string>();
  const errors: GqlResult[] = [];
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let smtp: TestSmtpServer;
  let admin: string;
  let f: typeof import('./support/factories');
  let codeOf: typeof import('./support/app').codeOf;
  let unique: typeof import('./support/app').unique;
  let passwordCounter = 0;

  /** A strong password no other test uses. */
  function newPassword(): string {
    passwordCounter += 1;
    const password = `fresh river lantern ${passwordCounter} ${Date.now().toString(36)}`;
    secrets.add(password);
    return password;
  }

  async function gql(query: string, variables: Record<string, unknown>, token?: string) {
    const result = await api.gql(query, variables, token);
    if (result.errors?.length) errors.push(result);
    return result;
  }

  async function mentor(): Promise<{ userId: string; email: string; token: string }> {
    const registered = await f.registerMentor(api);
    return { userId: registered.userId, email: registered.email, token: registered.token };
  }

  async function signedIn(token: string): Promise<boolean> {
    const result = await api.gql<{ me: { id: string } | null }>(ME, {}, token);
    return result.data?.me != null;
  }

  async function loginCode(email: string, password: string): Promise<string | undefined> {
    return codeOf(await gql(LOGIN, { e: email, p: password }));
  }

  const resetMails = (email: string) =>
    smtp.to(email).filter((mail) => mail.subject === 'Reset your Resettle Match password');

  /** Asks for a link and returns the token of the email that arrives (the n-th for that address). */
  async function requestLink(email: string): Promise<string> {
    const before = resetMails(email).length;
    expect(
      (await api.ok<{ requestPasswordReset: boolean }>(REQUEST, { e: email })).requestPasswordReset,
    ).toBe(true);
    const mail = await eventually('the reset email', async () => resetMails(email)[before], 20_000);
    const match = /https:\/\/resettle\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(
      mail.text,
    );
    expect(match).not.toBeNull();
    const token = match![1];
    expect(token).toHaveLength(43);
    secrets.add(token);
    return token;
  }

  beforeAll(async () => {
    stack = await startLoggedStack('pwreset', {
      APP_URL: 'https://resettle.test',
      PASSWORD_RESET_URL: RESET_URL,
      PASSWORD_RESETS_PER_EMAIL_PER_HOUR: String(PER_EMAIL),
      PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: String(PER_ADDRESS),
    });
    ({ api, worker, smtp, written } = stack);
    const app = await import('./support/app');
    ({ codeOf, unique } = app);
    db = api.app.get((await import('typeorm')).DataSource);
    f = await import('./support/factories');
    secrets.add(f.STRONG_PASSWORD);
    admin = await api.adminToken();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    jest.restoreAllMocks();
  });

  describe('changePassword', () => {
    it('sets the new password, ends every other session, returns a working token, audits and tells the person', async () => {
      const user = await mentor();
      const other = await api.login(user.email, f.STRONG_PASSWORD);
      const next = newPassword();
      const changed = await api.ok<{
        changePassword: { accessToken: string; user: { id: string } };
      }>(CHANGE, { c: f.STRONG_PASSWORD, n: next }, user.token);
      expect(changed.changePassword.user.id).toBe(user.userId);
      const fresh = changed.changePassword.accessToken;
      secrets.add(fresh);

      expect(await signedIn(user.token)).toBe(false);
      expect(await signedIn(other)).toBe(false);
      expect(await signedIn(fresh)).toBe(true);
      expect(await loginCode(user.email, f.STRONG_PASSWORD)).toBe('UNAUTHENTICATED');
      expect(await signedIn(await api.login(user.email, next))).toBe(true);

      const audit: { action: string; actor_user_id: string }[] = await db.query(
        `SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'user.password_changed'`,
        [user.userId],
      );
      expect(audit).toEqual([{ action: 'user.password_changed', actor_user_id: user.userId }]);

      const mail = await eventually('the password-changed email', async () =>
        smtp.to(user.email).find((m) => m.subject === 'Your password was changed'),
      );
      expect(mail.text).toContain(
        "Your password was changed. If this wasn't you, contact your coordinator",
      );
      const inbox = await eventually('the in-app notice', async () => {
        const listed = await api.ok<{ myNotifications: { kind: string; body: string }[] }>(
          MY_NOTIFICATIONS,
          {},
          fresh,
        );
        return listed.myNotifications.find((n) => n.kind === 'account.password_changed');
      });
      expect(inbox.body).toContain("If this wasn't you, contact your coordinator");
    });

    it('refuses a wrong current password as BAD_USER_INPUT on currentPassword, counted like a failed sign-in', async () => {
      const user = await mentor();
      for (let attempt = 1; attempt <= LOGIN_LIMIT; attempt += 1) {
        const wrong = await gql(
          CHANGE,
          { c: `not my password ${attempt}`, n: newPassword() },
          user.token,
        );
        expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
        expect(wrong.errors?.[0].extensions.fields).toEqual([
          { field: 'currentPassword', message: 'is not right' },
        ]);
      }
      // The account's failed sign-ins are used up, by changePassword and login alike.
      expect(
        codeOf(await gql(CHANGE, { c: 'not my password again', n: newPassword() }, user.token)),
      ).toBe('RATE_LIMITED');
      expect(
        codeOf(await gql(CHANGE, { c: f.STRONG_PASSWORD, n: newPassword() }, user.token)),
      ).toBe('RATE_LIMITED');
      expect(await loginCode(user.email, f.STRONG_PASSWORD)).toBe('RATE_LIMITED');
      // Nothing changed: the session still works.
      expect(await signedIn(user.token)).toBe(true);
    });

    it('applies the registration password policy to the new password and changes nothing', async () => {
      const user = await mentor();
      for (const weak of [
        'short',
        'password password 123',
        user.email.split('@')[0] + ' and more words',
      ]) {
        const result = await gql(CHANGE, { c: f.STRONG_PASSWORD, n: weak }, user.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.fields?.[0].field).toBe('newPassword');
      }
      const same = await gql(CHANGE, { c: f.STRONG_PASSWORD, n: f.STRONG_PASSWORD }, user.token);
      expect(same.errors?.[0].extensions.fields?.[0].field).toBe('newPassword');
      expect(await signedIn(user.token)).toBe(true);
      expect(await signedIn(await api.login(user.email, f.STRONG_PASSWORD))).toBe(true);
    });

    it('needs a signed-in caller', async () => {
      expect(codeOf(await gql(CHANGE, { c: f.STRONG_PASSWORD, n: newPassword() }))).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('requestPasswordReset and resetPassword', () => {
    it('answers true for an unknown email and sends nothing, stores nothing', async () => {
      const nobody = `${unique('nobody')}@example.org`;
      expect(
        (await api.ok<{ requestPasswordReset: boolean }>(REQUEST, { e: nobody }))
          .requestPasswordReset,
      ).toBe(true);
      // A real account's link, asked for afterwards, arrives: by then the unknown one would have too.
      const user = await mentor();
      await requestLink(user.email);
      expect(smtp.to(nobody)).toEqual([]);
      const tokens: unknown[] = await db.query(
        `SELECT t.id FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE u.email <> $1`,
        [user.email],
      );
      expect(tokens).toEqual([]);
    });

    it('emails a link whose token resets the password once, ends other sessions and signs in', async () => {
      const user = await mentor();
      // An account-security email: sent even to someone who turned email notifications off.
      await api.ok(
        'mutation { updateNotificationPreferences(input: { emailEnabled: false }) { emailEnabled } }',
        {},
        user.token,
      );
      const token = await requestLink(user.email);
      const [mail] = resetMails(user.email);
      expect(mail.text).toContain(`${RESET_URL}?token=${token}`);
      expect(mail.text).toContain('within 60 minutes');

      // Only its SHA-256 is stored.
      const rows: { token_hash: string; expires_at: Date; used_at: Date | null }[] = await db.query(
        'SELECT token_hash, expires_at, used_at FROM password_reset_tokens WHERE user_id = $1',
        [user.userId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(rows[0].expires_at.getTime() - Date.now()).toBeGreaterThan(55 * 60_000);
      expect(rows[0].expires_at.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

      const next = newPassword();
      const reset = await api.ok<{ resetPassword: { accessToken: string; user: { id: string } } }>(
        RESET,
        {
          t: token,
          n: next,
        },
      );
      expect(reset.resetPassword.user.id).toBe(user.userId);
      secrets.add(reset.resetPassword.accessToken);
      expect(await signedIn(reset.resetPassword.accessToken)).toBe(true);
      expect(await signedIn(user.token)).toBe(false);
      expect(await loginCode(user.email, f.STRONG_PASSWORD)).toBe('UNAUTHENTICATED');
      expect(await signedIn(await api.login(user.email, next))).toBe(true);

      const again = await gql(RESET, { t: token, n: newPassword() });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors?.[0].message).toBe(`token: ${INVALID_LINK}`);
      expect(again.errors?.[0].extensions.fields).toEqual([
        { field: 'token', message: INVALID_LINK },
      ]);
      expect(
        (
          await db.query('SELECT used_at FROM password_reset_tokens WHERE user_id = $1', [
            user.userId,
          ])
        )[0].used_at,
      ).not.toBeNull();

      // Neither the in-app inbox nor any stored notification holds the link.
      const inbox = await eventually('the password-changed notice', async () => {
        const listed = await api.ok<{
          myNotifications: { kind: string; subject: string; body: string }[];
        }>(MY_NOTIFICATIONS, {}, reset.resetPassword.accessToken);
        return (
          listed.myNotifications.some((n) => n.kind === 'account.password_changed') &&
          listed.myNotifications
        );
      });
      expect(inbox.map((n) => n.kind)).not.toContain('account.password_reset');
      expect(JSON.stringify(inbox)).not.toContain(token);
      const stored: unknown[] = await db.query(
        `SELECT 1 FROM notifications WHERE kind = 'account.password_reset' OR body LIKE '%' || $1 || '%'`,
        [token],
      );
      expect(stored).toEqual([]);
      const audit: { action: string }[] = await db.query(
        `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.password%'`,
        [user.userId],
      );
      expect(audit).toEqual([{ action: 'user.password_reset' }]);
      // Preferences said no email, but the reset link and the password-changed notice both came.
      await eventually('the password-changed email', async () =>
        smtp.to(user.email).some((m) => m.subject === 'Your password was changed'),
      );
    });

    it('replaces an earlier unused link when a new one is asked for', async () => {
      const user = await mentor();
      const first = await requestLink(user.email);
      const second = await requestLink(user.email);
      expect(codeOf(await gql(RESET, { t: first, n: newPassword() }))).toBe('BAD_USER_INPUT');
      expect(
        await signedIn(
          (
            await api.ok<{ resetPassword: { accessToken: string } }>(RESET, {
              t: second,
              n: newPassword(),
            })
          ).resetPassword.accessToken,
        ),
      ).toBe(true);
    });

    it('refuses an expired token and a made-up one with the same message', async () => {
      const user = await mentor();
      const token = await requestLink(user.email);
      await db.query(
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.userId],
      );
      for (const t of [token, 'A'.repeat(43), 'not a token']) {
        const result = await gql(RESET, { t, n: newPassword() });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions.fields).toEqual([
          { field: 'token', message: INVALID_LINK },
        ]);
      }
      expect(await signedIn(user.token)).toBe(true);
    });

    it('keeps the link usable after a weak new password is refused', async () => {
      const user = await mentor();
      const token = await requestLink(user.email);
      const weak = await gql(RESET, { t: token, n: 'too short' });
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      expect(weak.errors?.[0].extensions.fields?.[0].field).toBe('newPassword');
      expect(await signedIn(user.token)).toBe(true);
      expect(codeOf(await gql(RESET, { t: token, n: newPassword() }))).toBeUndefined();
    });

    it('lets exactly one of two concurrent resets with one token succeed', async () => {
      const user = await mentor();
      const token = await requestLink(user.email);
      const [a, b] = [newPassword(), newPassword()];
      const results = await Promise.all([
        gql(RESET, { t: token, n: a }),
        gql(RESET, { t: token, n: b }),
      ]);
      const succeeded = results.filter((result) => !result.errors);
      const refused = results.filter((result) => result.errors);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].errors?.[0].extensions.fields).toEqual([
        { field: 'token', message: INVALID_LINK },
      ]);
      const winner = results[0].errors ? b : a;
      const loser = winner === a ? b : a;
      expect(await loginCode(user.email, loser)).toBe('UNAUTHENTICATED');
      expect(await signedIn(await api.login(user.email, winner))).toBe(true);
      const audit: unknown[] = await db.query(
        `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'user.password_reset'`,
        [user.userId],
      );
      expect(audit).toHaveLength(1);
    });

    it('lifts the failed sign-in lockout of the account it resets', async () => {
      const user = await mentor();
      for (let attempt = 0; attempt <= LOGIN_LIMIT; attempt += 1)
        await loginCode(user.email, `a wrong guess number ${attempt}`);
      expect(await loginCode(user.email, f.STRONG_PASSWORD)).toBe('RATE_LIMITED');
      const token = await requestLink(user.email);
      const next = newPassword();
      await api.ok(RESET, { t: token, n: next });
      expect(await loginCode(user.email, next)).toBeUndefined();
    });

    it('sends no link to a disabled account, and a link issued before the disabling answers as login does', async () => {
      const user = await mentor();
      const token = await requestLink(user.email);
      await api.ok(
        'mutation($id: ID!) { disableUser(id: $id) { id } }',
        { id: user.userId },
        admin,
      );

      const refused = await gql(RESET, { t: token, n: newPassword() });
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect(refused.errors?.[0].message).toBe('This account is disabled; ask your administrator');
      expect(await loginCode(user.email, f.STRONG_PASSWORD)).toBe('UNAUTHENTICATED');

      expect(
        (await api.ok<{ requestPasswordReset: boolean }>(REQUEST, { e: user.email }))
          .requestPasswordReset,
      ).toBe(true);
      // Another account's link, asked for afterwards, arrives first; the disabled one gets nothing more.
      await requestLink((await mentor()).email);
      expect(resetMails(user.email)).toHaveLength(1);

      // Enabled again, the earlier link still works (it was never used); the new password applies.
      await api.ok('mutation($id: ID!) { enableUser(id: $id) { id } }', { id: user.userId }, admin);
      const next = newPassword();
      await api.ok(RESET, { t: token, n: next });
      expect(await signedIn(await api.login(user.email, next))).toBe(true);
    });

    it('limits requests per email and per client address, whether or not the account exists', async () => {
      const nobody = `${unique('limited')}@example.org`;
      for (let i = 0; i < PER_EMAIL; i += 1)
        expect(codeOf(await gql(REQUEST, { e: nobody }))).toBeUndefined();
      const overEmail = await gql(REQUEST, { e: nobody.toUpperCase() });
      expect(codeOf(overEmail)).toBe('RATE_LIMITED');
      expect(overEmail.errors?.[0].message).toMatch(
        /^Too many password reset requests; try again in \d+ minutes$/,
      );

      const address = '198.51.100.77';
      const fromAddress = (email: string) =>
        api.gql(REQUEST, { e: email }, undefined, { 'x-forwarded-for': address });
      for (let i = 0; i < PER_ADDRESS; i += 1)
        expect(codeOf(await fromAddress(`${unique('walk')}@example.org`))).toBeUndefined();
      expect(codeOf(await fromAddress(`${unique('walk')}@example.org`))).toBe('RATE_LIMITED');
      // Another address is not held back.
      expect(codeOf(await gql(REQUEST, { e: `${unique('walk')}@example.org` }))).toBeUndefined();
    });

    it('refuses a malformed email as BAD_USER_INPUT', async () => {
      const result = await gql(REQUEST, { e: 'not an email' });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.[0].field).toBe('email');
    });
  });

  describe('what is kept', () => {
    it('purges the reset email outbox rows a day after they were written, other notifications later', async () => {
      await eventually(
        'the outbox to be delivered',
        async () =>
          Number((await db.query('SELECT count(*) AS n FROM notification_outbox_pending'))[0].n) ===
          0,
        30_000,
      );
      const count = async (kind: string) =>
        Number(
          (
            await db.query('SELECT count(*) AS n FROM notification_outbox WHERE kind = $1', [kind])
          )[0].n,
        );
      expect(await count('account.password_reset')).toBeGreaterThan(0);
      const changed = await count('account.password_changed');
      expect(changed).toBeGreaterThan(0);

      const { Clock } = await import('@app/core');
      const { OutboxRetention } = await import('@app/notifications');
      const clock = worker.get(Clock);
      try {
        clock.set(new Date(Date.now() + 23 * 3600 * 1000));
        await worker.get(OutboxRetention).purge();
        expect(await count('account.password_reset')).toBeGreaterThan(0);
        clock.set(new Date(Date.now() + 25 * 3600 * 1000));
        await worker.get(OutboxRetention).purge();
        expect(await count('account.password_reset')).toBe(0);
        expect(await count('account.password_changed')).toBe(changed);
      } finally {
        clock.set(null);
      }
    });

    it('writes no password or reset token to audit details, error messages or logs', async () => {
      const audit = JSON.stringify(await db.query('SELECT action, details FROM audit_events'));
      expect(audit).toContain('user.password_reset');
      const text = written.join('');
      expect(text).toContain('"url":"/graphql"');
      const echoed = JSON.stringify(errors.map((result) => result.errors));
      for (const secret of secrets) {
        expect({ secret, audit: audit.includes(secret) }).toEqual({ secret, audit: false });
        expect({ secret, logs: text.includes(secret) }).toEqual({ secret, logs: false });
        expect({ secret, errors: echoed.includes(secret) }).toEqual({ secret, errors: false });
      }
      // Reset tokens are stored hashed only.
      const stored = JSON.stringify(await db.query('SELECT * FROM password_reset_tokens'));
      for (const secret of secrets) expect(stored.includes(secret)).toBe(false);
    });
  });
});
