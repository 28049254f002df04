import type { DataSource } from 'typeorm';
import type { GqlResult, TestApi } from './support/app';
import { LoggedStack, startLoggedStack } from './support/logged-stack';
import { TestSmtpServer, eventually } from './support/notifications';

// Security review of changePassword, requestPasswordReset and resetPassword (session 5): account
// enumeration (answers and timing), what an ADMIN can see of a reset email that failed, races
// (reset against disabling and against a change), and that no password or reset token reaches the
// logs (API and worker at trace level), error messages or the ADMIN's views. The API and the worker
// run in this process on a database and Redis prefix of this file's own, with a real SMTP server
// that refuses mail for addresses containing "bounce".

jest.setTimeout(180_000);

const RESET_URL = 'https://resettle.test/reset-password';
const INVALID_LINK = 'This reset link is invalid or has expired';

const ME = '{ me { id } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const CHANGE =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { accessToken } }';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET =
  'mutation($t: String!, $n: String!) { resetPassword(token: $t, newPassword: $n) { accessToken user { id } } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id } }';
const FAILED = `{ failedDeliveries(first: 100) { edges { node {
  id kind channel status recipientUserId failures lastError createdAt updatedAt } } } }`;

describe('password change and reset: security review', () => {
  let written: string[] = [];
  let stack: LoggedStack;
  const secrets = new Set<string>();
  const errors: GqlResult[] = [];
  let api: TestApi;
  let db: DataSource;
  let smtp: TestSmtpServer;
  let admin: string;
  let f: typeof import('./support/factories');
  let codeOf: typeof import('./support/app').codeOf;
  let unique: typeof import('./support/app').unique;
  let counter = 0;

  function newPassword(): string {
    counter += 1;
    const password = `quiet harbour window ${counter} ${Date.now().toString(36)}`;
    secrets.add(password);
    return password;
  }

  async function gql(query: string, variables: Record<string, unknown>, token?: string) {
    const result = await api.gql(query, variables, token);
    if (result.errors?.length) errors.push(result);
    return result;
  }

  const signedIn = async (token: string) =>
    (await api.gql<{ me: { id: string } | null }>(ME, {}, token)).data?.me != null;
  const loginCode = async (email: string, password: string) =>
    codeOf(await gql(LOGIN, { e: email, p: password }));
  const resetMails = (email: string) =>
    smtp.to(email).filter((mail) => mail.subject === 'Reset your Resettle Match password');

  async function requestLink(email: string): Promise<string> {
    const before = resetMails(email).length;
    expect(codeOf(await gql(REQUEST, { e: email }))).toBeUndefined();
    const mail = await eventually('the reset email', async () => resetMails(email)[before], 20_000);
    const token = /\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    secrets.add(token);
    return token;
  }

  beforeAll(async () => {
    stack = await startLoggedStack(
      'r5auth',
      {
        APP_URL: 'https://resettle.test',
        PASSWORD_RESET_URL: RESET_URL,
        PASSWORD_RESETS_PER_EMAIL_PER_HOUR: '5',
        PASSWORD_RESETS_PER_ADDRESS_PER_HOUR: '20',
        JOB_BACKOFF_DELAY_MS: '50',
      },
      { reject: (address) => (address.includes('bounce') ? 'mailbox unavailable' : null) },
    );
    ({ api, smtp, written } = stack);
    const app = await import('./support/app');
    ({ codeOf, unique } = app);
    db = api.app.get((await import('typeorm')).DataSource);
    f = await import('./support/factories');
    secrets.add(f.STRONG_PASSWORD);
    admin = await api.adminToken();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    jest.restoreAllMocks();
  });

  it('counts the per-email limit alike for case and surrounding spaces, for real and unknown emails', async () => {
    const real = (await f.registerMentor(api)).email;
    const ghost = `${unique('nobody')}@example.org`;
    const answers = async (email: string) => {
      const variants = [email, email.toUpperCase(), ` ${email} `, `\t${email}`, email];
      const codes: (string | undefined)[] = [];
      for (const variant of variants) codes.push(codeOf(await gql(REQUEST, { e: variant })));
      codes.push(codeOf(await gql(REQUEST, { e: email })));
      return codes;
    };
    const forReal = await answers(real);
    const forGhost = await answers(ghost);
    expect(forReal).toEqual([...Array(5).fill(undefined), 'RATE_LIMITED']);
    expect(forGhost).toEqual(forReal);
    // Only the account's own address was ever written to, at most the limit's count of times.
    await eventually('the links', async () => resetMails(real).length === 5, 20_000);
    expect(
      smtp.mails.filter((mail) =>
        mail.to.some((to) => to !== real && to.includes(real.split('@')[0])),
      ),
    ).toEqual([]);
  });

  it("answers a real account's request without waiting on that account's row", async () => {
    // While anything holds the account's row (a password change hashing inside its transaction, a
    // disabling), an answer that waited for it would take visibly longer than an unknown email's.
    const user = await f.registerMentor(api);
    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [user.userId]);
      const answer = api.gql(REQUEST, { e: user.email });
      // The row stays locked until after the race: an answer that waited for it could not win.
      const winner = await Promise.race([
        answer.then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 5000)),
      ]);
      await holder.commitTransaction();
      expect(codeOf(await answer)).toBeUndefined();
      expect(winner).toBe('answered');
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    // The link is still sent once the row is free.
    await eventually('the link', async () => resetMails(user.email).length === 1, 20_000);
  });

  it('does not count a request refused for its address against the email it names', async () => {
    // One client, over its own hourly budget, must not use up a victim's per-email requests: else
    // it could keep anyone from getting a link, from a single address, for as long as it liked.
    const victim = await f.registerMentor(api);
    const attacker = { 'x-forwarded-for': '198.51.100.23' };
    for (let i = 0; i < 20; i += 1)
      expect(
        codeOf(
          await api.gql(REQUEST, { e: `${unique('filler')}@example.org` }, undefined, attacker),
        ),
      ).toBeUndefined();
    for (let i = 0; i < 10; i += 1)
      expect(codeOf(await api.gql(REQUEST, { e: victim.email }, undefined, attacker))).toBe(
        'RATE_LIMITED',
      );
    // The owner, from their own address, still gets their link.
    expect(codeOf(await gql(REQUEST, { e: victim.email }))).toBeUndefined();
    await eventually("the owner's link", async () => resetMails(victim.email).length === 1, 20_000);
  });

  it('counts the addresses of one IPv6 /64 (one network) as one address', async () => {
    // A single home or cloud host is given a whole /64: counting each of its 2^64 addresses apart
    // would let it walk through any number of emails.
    const codes: (string | undefined)[] = [];
    for (let i = 1; i <= 21; i += 1) {
      const from = { 'x-forwarded-for': `2001:db8:77:${i % 2 ? '12' : '0012'}::${i.toString(16)}` };
      codes.push(
        codeOf(await api.gql(REQUEST, { e: `${unique('v6')}@example.org` }, undefined, from)),
      );
    }
    expect(codes).toEqual([...Array(20).fill(undefined), 'RATE_LIMITED']);
    // Another /64 is another client; an IPv4 client is not affected.
    const other = { 'x-forwarded-for': '2001:db8:77:13::1' };
    expect(
      codeOf(await api.gql(REQUEST, { e: `${unique('v6')}@example.org` }, undefined, other)),
    ).toBeUndefined();
  });

  it('sends a staff account its link as a mentor gets one, to its own address only', async () => {
    const coordinator = await f.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: (await f.createOrganisation(api, admin)).id,
    });
    const token = await requestLink(coordinator.email);
    const [mail] = resetMails(coordinator.email);
    expect(mail.to).toEqual([coordinator.email]);
    const next = newPassword();
    const reset = await api.ok<{ resetPassword: { accessToken: string } }>(RESET, {
      t: token,
      n: next,
    });
    secrets.add(reset.resetPassword.accessToken);
    expect(await signedIn(coordinator.token)).toBe(false);
    expect(await signedIn(reset.resetPassword.accessToken)).toBe(true);
  });

  it('never leaves a reset and a disabling racing to a working session', async () => {
    for (let round = 0; round < 4; round += 1) {
      const user = await f.registerMentor(api);
      const token = await requestLink(user.email);
      const next = newPassword();
      const [reset, disabled] = await Promise.all([
        gql(RESET, { t: token, n: next }),
        gql(DISABLE, { id: user.userId }, admin),
      ]);
      expect(codeOf(disabled)).toBeUndefined();
      const issued = (reset.data as { resetPassword?: { accessToken: string } } | null)
        ?.resetPassword?.accessToken;
      if (issued) {
        secrets.add(issued);
        expect(await signedIn(issued)).toBe(false);
      } else {
        expect(codeOf(reset)).toBe('UNAUTHENTICATED');
      }
      expect(await signedIn(user.token)).toBe(false);
      expect(await loginCode(user.email, next)).toBe('UNAUTHENTICATED');
    }
  });

  it('lets at most one of a reset and a change at the same moment set the password', async () => {
    for (let round = 0; round < 4; round += 1) {
      const user = await f.registerMentor(api);
      const token = await requestLink(user.email);
      const [byReset, byChange] = [newPassword(), newPassword()];
      const [reset, change] = await Promise.all([
        gql(RESET, { t: token, n: byReset }),
        gql(CHANGE, { c: f.STRONG_PASSWORD, n: byChange }, user.token),
      ]);
      const succeeded = [reset, change].filter((result) => !result.errors);
      expect(succeeded).toHaveLength(1);
      const winner = reset.errors ? byChange : byReset;
      const loser = winner === byReset ? byChange : byReset;
      expect(await loginCode(user.email, loser)).toBe('UNAUTHENTICATED');
      const session = await api.login(user.email, winner);
      secrets.add(session);
      expect(await signedIn(user.token)).toBe(false);
      // The link is spent either way.
      const again = await gql(RESET, { t: token, n: newPassword() });
      expect(again.errors?.[0].extensions.fields).toEqual([
        { field: 'token', message: INVALID_LINK },
      ]);
    }
  });

  it('shows an ADMIN nothing of a failed reset email that could reset the password', async () => {
    const user = await f.registerMentor(api, { email: `${unique('bounce')}@example.org` });
    expect(codeOf(await gql(REQUEST, { e: user.email }))).toBeUndefined();
    const [row]: { id: string; data: { url: string } }[] = await eventually(
      'the outbox row',
      async () => {
        const rows: { id: string; data: { url: string } }[] = await db.query(
          `SELECT id, data FROM notification_outbox WHERE kind = 'account.password_reset' AND recipients @> $1::jsonb`,
          [JSON.stringify([{ userId: user.userId }])],
        );
        return rows.length > 0 && rows;
      },
    );
    const token = new URL(row.data.url).searchParams.get('token')!;
    secrets.add(token);
    const failed = await eventually(
      'the failed delivery',
      async () => {
        const page = await api.ok<{
          failedDeliveries: { edges: { node: { kind: string; recipientUserId: string } }[] };
        }>(FAILED, {}, admin);
        const mine = page.failedDeliveries.edges.filter(
          (edge) => edge.node.recipientUserId === user.userId,
        );
        return mine.length > 0 && page;
      },
      60_000,
    );
    expect(JSON.stringify(failed)).not.toContain(token);

    // Bull Board (ADMIN only): the queue's jobs, whatever their state.
    const board = await api.http
      .get(
        '/admin/queues/api/queues?activeQueue=notifications&status=failed&page=1&jobsPerPage=100',
      )
      .set('authorization', `Bearer ${admin}`);
    expect(board.status).toBe(200);
    expect(board.text).not.toContain(token);
    for (const status of ['completed', 'latest', 'waiting', 'delayed', 'active']) {
      const listed = await api.http
        .get(
          `/admin/queues/api/queues?activeQueue=notifications&status=${status}&page=1&jobsPerPage=100`,
        )
        .set('authorization', `Bearer ${admin}`);
      expect(listed.text).not.toContain(token);
    }
    // Retrying it sends it to the account's address again, never anywhere else.
    const delivery = (
      await api.ok<{
        failedDeliveries: { edges: { node: { id: string; recipientUserId: string } }[] };
      }>(FAILED, {}, admin)
    ).failedDeliveries.edges.find((edge) => edge.node.recipientUserId === user.userId)!.node;
    const retried = await api.ok(
      'mutation($id: ID!) { retryDelivery(id: $id) { id status lastError } }',
      { id: delivery.id },
      admin,
    );
    expect(JSON.stringify(retried)).not.toContain(token);
    // The link itself still works for its owner.
    const next = newPassword();
    const reset = await api.ok<{ resetPassword: { accessToken: string } }>(RESET, {
      t: token,
      n: next,
    });
    secrets.add(reset.resetPassword.accessToken);
  });

  it('echoes no password or token when a variable has the wrong type', async () => {
    const token = 'A'.repeat(43);
    const password = newPassword();
    secrets.add(token);
    const result = await api.gql(
      'mutation($t: String!, $n: Int!) { resetPassword(token: $t, newPassword: $n) { accessToken } }',
      { t: token, n: password },
    );
    expect(result.errors?.length).toBeGreaterThan(0);
    // The client's own value may come back to it; what matters is that no log holds it (below).
  });

  it('writes no password or reset token to logs, audit details or error messages', async () => {
    await eventually(
      'the outbox to settle',
      async () =>
        Number((await db.query('SELECT count(*) AS n FROM notification_outbox_pending'))[0].n) ===
        0,
      60_000,
    );
    const text = written.join('');
    expect(text).toContain('"url":"/graphql"');
    const audit = JSON.stringify(await db.query('SELECT action, details FROM audit_events'));
    const echoed = JSON.stringify(errors.map((result) => result.errors));
    for (const secret of secrets) {
      expect({ secret, logs: text.includes(secret) }).toEqual({ secret, logs: false });
      expect({ secret, audit: audit.includes(secret) }).toEqual({ secret, audit: false });
      expect({ secret, errors: echoed.includes(secret) }).toEqual({ secret, errors: false });
    }
  });
});
