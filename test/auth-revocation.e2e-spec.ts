import type { DataSource } from 'typeorm';
import type { TestApi as Api } from './support/app';

// Revoking accounts and tokens: disableUser, enableUser, signOutEverywhere. The account-status cache
// is short here (set before the app is loaded) so a change made by another replica can be waited out.
const CACHE_MS = 1500;

const ME = '{ me { id } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabledAt } }';
const ENABLE = 'mutation($id: ID!) { enableUser(id: $id) { id disabledAt } }';
const SIGN_OUT_EVERYWHERE = 'mutation { signOutEverywhere }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id disabledAt } } }';
/** Needs a signed-in user (any role): answers UNAUTHENTICATED for a dead token. */
const SIGNED_IN_ONLY = '{ myNotifications(first: 1) { subject } }';

describe('revoking accounts and tokens', () => {
  let api: Api;
  let admin: string;
  let adminId: string;
  let dataSource: DataSource;
  let factories: typeof import('./support/factories');
  let codeOf: typeof import('./support/app').codeOf;
  const previous = process.env.AUTH_STATUS_CACHE_MS;

  beforeAll(async () => {
    process.env.AUTH_STATUS_CACHE_MS = String(CACHE_MS);
    const app = await import('./support/app');
    factories = await import('./support/factories');
    codeOf = app.codeOf;
    api = await app.TestApi.start();
    admin = await api.adminToken();
    adminId = (await api.ok<{ me: { id: string } }>(ME, {}, admin)).me.id;
    const { DataSource: DataSourceClass } = await import('typeorm');
    dataSource = api.app.get(DataSourceClass);
  });
  afterAll(async () => {
    await api.stop();
    if (previous === undefined) delete process.env.AUTH_STATUS_CACHE_MS;
    else process.env.AUTH_STATUS_CACHE_MS = previous;
  });

  const prisonStaff = () =>
    factories.createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
  const auditActions = async (
    userId: string,
  ): Promise<{ action: string; actor: string; details: object }[]> =>
    dataSource.query(
      `SELECT action, actor_user_id AS actor, details FROM audit_events
        WHERE entity_type = 'user' AND entity_id = $1 AND action <> 'user.created' ORDER BY created_at, action`,
      [userId],
    );

  it("stops a disabled user's existing token at the next request and refuses their login", async () => {
    const staff = await prisonStaff();
    expect((await api.ok(ME, {}, staff.token)).me).toEqual({ id: staff.id });

    const disabled = await api.ok<{ disableUser: { id: string; disabledAt: string } }>(
      DISABLE,
      { id: staff.id },
      admin,
    );
    expect(disabled.disableUser.id).toBe(staff.id);
    expect(new Date(disabled.disableUser.disabledAt).getTime()).not.toBeNaN();

    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, staff.token))).toBe('UNAUTHENTICATED');
    expect((await api.ok(ME, {}, staff.token)).me).toBeNull();

    const login = await api.gql(LOGIN, { e: staff.email, p: factories.STRONG_PASSWORD });
    expect(codeOf(login)).toBe('UNAUTHENTICATED');
    expect(login.errors?.[0].message).toBe('This account is disabled; ask your administrator');
    expect(login.data).toBeNull();
  });

  it('gives a wrong password on a disabled account the usual answer, so only the password reveals it', async () => {
    const staff = await prisonStaff();
    await api.ok(DISABLE, { id: staff.id }, admin);
    const wrong = await api.gql(LOGIN, { e: staff.email, p: 'not the right passphrase' });
    const unknown = await api.gql(LOGIN, {
      e: `${Date.now()}-nobody@example.org`,
      p: 'not the right passphrase',
    });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(wrong.errors?.[0].message).not.toMatch(/disabled/);
  });

  it('lets an enabled user sign in again, while tokens from before the disabling stay dead', async () => {
    const staff = await prisonStaff();
    await api.ok(DISABLE, { id: staff.id }, admin);
    const enabled = await api.ok<{ enableUser: { id: string; disabledAt: string | null } }>(
      ENABLE,
      { id: staff.id },
      admin,
    );
    expect(enabled.enableUser).toEqual({ id: staff.id, disabledAt: null });

    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, staff.token))).toBe('UNAUTHENTICATED');
    const fresh = await api.login(staff.email, factories.STRONG_PASSWORD);
    expect((await api.ok(ME, {}, fresh)).me).toEqual({ id: staff.id });
  });

  it('signOutEverywhere ends the token used and every other token of that user; a new login works', async () => {
    const staff = await prisonStaff();
    const other = await api.login(staff.email, factories.STRONG_PASSWORD);
    expect((await api.ok(ME, {}, other)).me).toEqual({ id: staff.id });

    expect(await api.ok(SIGN_OUT_EVERYWHERE, {}, staff.token)).toEqual({ signOutEverywhere: true });
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, staff.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, other))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(SIGN_OUT_EVERYWHERE, {}, staff.token))).toBe('UNAUTHENTICATED');

    const fresh = await api.login(staff.email, factories.STRONG_PASSWORD);
    expect((await api.ok(ME, {}, fresh)).me).toEqual({ id: staff.id });
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, fresh))).toBeUndefined();
  });

  it('leaves disableUser and enableUser to ADMINs', async () => {
    const staff = await prisonStaff();
    const org = await factories.createOrganisation(api, admin);
    const coordinator = await factories.createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    expect(codeOf(await api.gql(DISABLE, { id: staff.id }, coordinator.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(DISABLE, { id: staff.id }, staff.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(ENABLE, { id: staff.id }, coordinator.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(DISABLE, { id: staff.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(SIGN_OUT_EVERYWHERE))).toBe('UNAUTHENTICATED');
    expect((await api.ok(ME, {}, staff.token)).me).toEqual({ id: staff.id });
  });

  it('does not let an ADMIN disable themselves', async () => {
    const result = await api.gql(DISABLE, { id: adminId }, admin);
    expect(codeOf(result)).toBe('CONFLICT');
    expect((await api.ok(ME, {}, admin)).me).toEqual({ id: adminId });
  });

  it('answers NOT_FOUND for an unknown or malformed user id', async () => {
    for (const mutation of [DISABLE, ENABLE]) {
      expect(
        codeOf(await api.gql(mutation, { id: '00000000-0000-4000-8000-000000000000' }, admin)),
      ).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(mutation, { id: 'not-a-uuid' }, admin))).toBe('NOT_FOUND');
    }
  });

  it('audits each change, with who did it and nothing sensitive', async () => {
    const staff = await prisonStaff();
    await api.ok(DISABLE, { id: staff.id }, admin);
    await api.ok(ENABLE, { id: staff.id }, admin);
    const token = await api.login(staff.email, factories.STRONG_PASSWORD);
    await api.ok(SIGN_OUT_EVERYWHERE, {}, token);
    const rows = await auditActions(staff.id);
    expect(rows.map((row) => [row.action, row.actor])).toEqual([
      ['user.disabled', adminId],
      ['user.enabled', adminId],
      ['user.signed_out_everywhere', staff.id],
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(staff.email);
    expect(text).not.toContain(token);
    expect(text).not.toContain(factories.STRONG_PASSWORD);
  });

  it('keeps accepting a token issued before versions existed (no ver claim) as version 0', async () => {
    const staff = await prisonStaff();
    const { JwtService } = await import('@nestjs/jwt');
    const legacy = api.app
      .get(JwtService)
      .sign({ sub: staff.id, role: 'PRISON_STAFF', org: null, prison: 'LEI' });
    expect((await api.ok(ME, {}, legacy)).me).toEqual({ id: staff.id });
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, legacy))).toBeUndefined();

    await api.ok(SIGN_OUT_EVERYWHERE, {}, legacy);
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, legacy))).toBe('UNAUTHENTICATED');
  });

  it('treats a validly signed token of a user who does not exist as no token', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const ghost = api.app.get(JwtService).sign({
      sub: '00000000-0000-4000-8000-000000000001',
      role: 'ADMIN',
      org: null,
      prison: null,
      ver: 0,
    });
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, ghost))).toBe('UNAUTHENTICATED');
    expect(
      (await api.http.get('/admin/queues').set('authorization', `Bearer ${ghost}`)).status,
    ).toBe(401);
  });

  it('closes the queue dashboard to a disabled ADMIN', async () => {
    const other = await factories.createStaff(api, admin, { role: 'ADMIN' });
    expect(
      (await api.http.get('/admin/queues').set('authorization', `Bearer ${other.token}`)).status,
    ).toBe(200);
    await api.ok(DISABLE, { id: other.id }, admin);
    expect(
      (await api.http.get('/admin/queues').set('authorization', `Bearer ${other.token}`)).status,
    ).toBe(401);
  });

  it('sees a change made by another replica within AUTH_STATUS_CACHE_MS', async () => {
    const staff = await prisonStaff();
    // The entry is cached by this request, so it lives until at least CACHE_MS after it starts.
    const cachedFrom = Date.now();
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, staff.token))).toBeUndefined();
    // Another API process disabling the account: this process only learns of it when its cache entry expires.
    await dataSource.query(
      'UPDATE users SET disabled_at = now(), token_version = token_version + 1 WHERE id = $1',
      [staff.id],
    );
    const stillCached = await api.gql(SIGNED_IN_ONLY, {}, staff.token);
    // Only provable while the entry cannot have expired yet: a loaded machine may take longer.
    if (Date.now() - cachedFrom < CACHE_MS) expect(codeOf(stillCached)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, CACHE_MS + 200));
    expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, staff.token))).toBe('UNAUTHENTICATED');
  });

  it('two ADMINs disabling each other at the same moment do not both succeed', async () => {
    // Both requests are authenticated before either change commits; the change locks the actor's
    // row with the target's (in id order) and needs the actor still enabled, so one of them loses.
    for (let round = 0; round < 3; round += 1) {
      const first = await factories.createStaff(api, admin, { role: 'ADMIN' });
      const second = await factories.createStaff(api, admin, { role: 'ADMIN' });
      await api.ok(ME, {}, first.token);
      await api.ok(ME, {}, second.token);
      const [a, b] = await Promise.all([
        api.gql(DISABLE, { id: second.id }, first.token),
        api.gql(DISABLE, { id: first.id }, second.token),
      ]);
      const codes = [a, b].map((result) => codeOf(result) ?? 'OK').sort();
      expect(codes).toEqual(['OK', 'UNAUTHENTICATED']);
    }
  });
});
