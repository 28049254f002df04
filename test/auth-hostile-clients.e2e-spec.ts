import { NOTIFICATION_KINDS } from '@app/notifications';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { TestApi, codeOf, unique } from './support/app';
import {
  SET_VOLUNTEER_STATUS,
  STRONG_PASSWORD,
  createOrganisation,
  createStaff,
} from './support/factories';
import {
  EXCLUDED_MENTORS,
  acceptedMatch,
  acceptedReferral,
  accommodationMentor,
  outboxRows,
  referralWorld,
} from './support/matching';

// Accounts, tokens and their notices as a hostile or careless client would use them:
// revocation (disableUser, enableUser, signOutEverywhere, User.disabledAt), odd bearer tokens on
// GraphQL and on Bull Board, the referral.mentor_left / match.ended notices, and excludedMentors'
// reason for a disabled account. Never a 500; a bad token is no token.

jest.setTimeout(120_000);

const ME = '{ me { id disabledAt } }';
/** Needs a signed-in user of any role. */
const SIGNED_IN_ONLY = '{ myNotifications(first: 1) { subject } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabledAt } }';
const ENABLE = 'mutation($id: ID!) { enableUser(id: $id) { id disabledAt } }';
const SIGN_OUT_EVERYWHERE = 'mutation { signOutEverywhere }';
const VOLUNTEER_USER = 'query($id: ID!) { volunteer(id: $id) { id user { id email disabledAt } } }';
const REFERRAL_MENTOR_USER = `query($id: ID!) {
  referral(id: $id) { id releasedOn match { id volunteer { id user { id disabledAt } } } }
}`;
const DASHBOARD = '/admin/queues';

const b64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT put together by hand: any header, any payload, signed HMAC-`hash` with `secret` (or unsigned). */
function handMadeToken(
  header: object,
  payload: object,
  secret: string | null,
  hash = 'sha256',
): string {
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  const signature =
    secret === null ? '' : createHmac(hash, secret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}

describe('accounts and tokens under hostile or careless clients', () => {
  let api: TestApi;
  let admin: string;
  let adminId: string;
  let dataSource: DataSource;
  let jwt: JwtService;
  let staff: { id: string; email: string; token: string };
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    adminId = (await api.ok<{ me: { id: string } }>(ME, {}, admin)).me.id;
    dataSource = api.app.get(DataSource);
    jwt = api.app.get(JwtService);
    staff = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
  });
  afterAll(() => api.stop());

  /** Claims as the server signs them for `staff`, with overrides (undefined removes one). */
  const claimsOf = (user: { id: string }, overrides: Record<string, unknown> = {}) => {
    const claims: Record<string, unknown> = {
      sub: user.id,
      role: 'PRISON_STAFF',
      org: null,
      prison: 'LEI',
      ver: 0,
      ...overrides,
    };
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    return claims;
  };
  /** Signed with the app's own secret and algorithm. */
  const signed = (claims: Record<string, unknown>) => jwt.sign(claims);

  const auditCount = async (userId: string): Promise<number> =>
    Number(
      (
        await dataSource.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action <> 'user.created'`,
          [userId],
        )
      )[0].n,
    );

  /** A raw POST /graphql whose Authorization header is exactly what is given (or repeated). */
  const rawGraphql = async (authorization: string | string[], query = SIGNED_IN_ONLY) => {
    const response = await api.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', authorization as string)
      .send({ query });
    return response;
  };

  /** Sends raw header pairs (so a header may be repeated) over a real socket. */
  const sendRawHeaders = async (
    path: string,
    headers: [string, string][],
    body?: string,
  ): Promise<{ status: number; text: string }> => {
    const server = api.app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      // With raw header pairs Node adds neither Host nor Content-Length.
      const all: [string, string][] = [['host', `127.0.0.1:${port}`], ...headers];
      if (body !== undefined) all.push(['content-length', String(Buffer.byteLength(body))]);
      const flat = all.flat();
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: body === undefined ? 'GET' : 'POST',
          headers: flat as unknown as Record<string, string>,
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  };

  describe('bad tokens on GraphQL count as no token', () => {
    it('answers UNAUTHENTICATED (never a 500) for malformed, truncated and garbage tokens', async () => {
      const good = staff.token;
      const [h, p] = good.split('.');
      const garbage = [
        'x',
        'a.b.c',
        '..',
        `${h}.${p}`,
        `${h}.${p}.`,
        `${h}.${p}.AAAA`,
        `${good}x`,
        `${h}.${b64url('{not json')}.${good.split('.')[2]}`,
        `${h}.${b64url('"a string payload"')}.${good.split('.')[2]}`,
        `${h}.${b64url('null')}.${good.split('.')[2]}`,
        '\u00e9\u00e9',
        '%00%00',
      ];
      for (const token of garbage) {
        const response = await rawGraphql(`Bearer ${token}`);
        expect({ token, status: response.status }).toEqual({ token, status: 200 });
        expect(codeOf(response.body)).toBe('UNAUTHENTICATED');
        const me = await rawGraphql(`Bearer ${token}`, ME);
        expect(me.body).toEqual({ data: { me: null } });
      }
      for (const header of ['', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Token ${good}`]) {
        const response = await rawGraphql(header);
        expect(response.status).toBe(200);
        expect(codeOf(response.body)).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses an expired token, one signed with another secret, alg none, and HS384/HS512', async () => {
      const claims = claimsOf(staff);
      const expired = handMadeToken(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iat: now() - 120, exp: now() - 60 },
        process.env.JWT_SECRET as string,
      );
      const foreign = new JwtService({ secret: 'some-other-secret-entirely' }).sign(claims, {
        expiresIn: '1h',
      });
      const secret = process.env.JWT_SECRET as string;
      const body = { ...claims, iat: now(), exp: now() + 3600 };
      const tokens = {
        expired,
        foreign,
        none: handMadeToken({ alg: 'none', typ: 'JWT' }, body, null),
        noneUpper: handMadeToken({ alg: 'NONE', typ: 'JWT' }, body, null),
        hs384: handMadeToken({ alg: 'HS384', typ: 'JWT' }, body, secret, 'sha384'),
        hs512: handMadeToken({ alg: 'HS512', typ: 'JWT' }, body, secret, 'sha512'),
        // Control: the same hand-made HS256 token is accepted, so the refusals above are about the alg.
        hs256: handMadeToken({ alg: 'HS256', typ: 'JWT' }, body, secret),
      };
      const codes: Record<string, string | undefined> = {};
      for (const [name, token] of Object.entries(tokens)) {
        codes[name] = codeOf(await api.gql(SIGNED_IN_ONLY, {}, token));
      }
      expect(codes).toEqual({
        expired: 'UNAUTHENTICATED',
        foreign: 'UNAUTHENTICATED',
        none: 'UNAUTHENTICATED',
        noneUpper: 'UNAUTHENTICATED',
        hs384: 'UNAUTHENTICATED',
        hs512: 'UNAUTHENTICATED',
        hs256: undefined,
      });
    });

    it('refuses a ver claim of the wrong type or value (string, negative, huge, fraction, boolean, array, object)', async () => {
      const user = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      const odd: Record<string, unknown> = {
        string: '0',
        emptyString: '',
        negative: -1,
        huge: 1e300,
        maxSafe: Number.MAX_SAFE_INTEGER,
        int32Overflow: 2 ** 31,
        fraction: 0.5,
        tiny: 1e-300,
        boolean: false,
        array: [0],
        object: { valueOf: 0 },
      };
      const codes: Record<string, string | undefined> = {};
      for (const [name, ver] of Object.entries(odd)) {
        codes[name] = codeOf(await api.gql(SIGNED_IN_ONLY, {}, signed(claimsOf(user, { ver }))));
      }
      expect(codes).toEqual(
        Object.fromEntries(Object.keys(odd).map((k) => [k, 'UNAUTHENTICATED'])),
      );
      // The real version still works (and -0 is 0 once it is JSON).
      expect(
        codeOf(await api.gql(SIGNED_IN_ONLY, {}, signed(claimsOf(user, { ver: 0 })))),
      ).toBeUndefined();
    });

    it('refuses a sub that is not a UUID, or is an array, object, number, null, missing or SQL', async () => {
      const odd: Record<string, unknown> = {
        notUuid: 'not-a-uuid',
        sql: "' OR 1=1 --",
        array: [staff.id],
        object: { id: staff.id },
        number: 1,
        nullSub: null,
        missing: undefined,
        withSpaces: ` ${staff.id} `,
        braces: `{${staff.id}}`,
        long: `${staff.id}${'0'.repeat(5000)}`,
      };
      const codes: Record<string, string | undefined> = {};
      for (const [name, sub] of Object.entries(odd)) {
        const token = signed(claimsOf(staff, { sub }));
        codes[name] = codeOf(await api.gql(SIGNED_IN_ONLY, {}, token));
      }
      expect(codes).toEqual(
        Object.fromEntries(Object.keys(odd).map((k) => [k, 'UNAUTHENTICATED'])),
      );
    });

    it('refuses a validly signed token of a user deleted since (not cached as alive)', async () => {
      const doomed = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, doomed.token))).toBeUndefined();
      await dataSource.query('DELETE FROM users WHERE id = $1', [doomed.id]);
      // The status cache (10 s by default) may still hold the live entry; past it the token is dead.
      const ttl = Number(process.env.AUTH_STATUS_CACHE_MS ?? 10_000);
      await new Promise((resolve) => setTimeout(resolve, ttl + 200));
      expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, doomed.token))).toBe('UNAUTHENTICATED');
      expect((await api.ok(ME, {}, doomed.token)).me).toBeNull();
    });

    it('accepts the scheme name "bearer" in any case (RFC 7235 §2.1: auth-scheme is case-insensitive)', async () => {
      for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
        const response = await rawGraphql(`${scheme} ${staff.token}`, ME);
        expect({ scheme, body: response.body }).toEqual({
          scheme,
          body: { data: { me: { id: staff.id, disabledAt: null } } },
        });
      }
    });

    it('with the Authorization header repeated: no 500, and a bad copy never lets a user in', async () => {
      const body = JSON.stringify({ query: ME });
      const json: [string, string] = ['content-type', 'application/json'];
      const goodThenBad = await sendRawHeaders(
        '/graphql',
        [json, ['authorization', `Bearer ${staff.token}`], ['authorization', 'Bearer junk']],
        body,
      );
      const badThenGood = await sendRawHeaders(
        '/graphql',
        [json, ['authorization', 'Bearer junk'], ['authorization', `Bearer ${staff.token}`]],
        body,
      );
      expect({ status: goodThenBad.status, text: goodThenBad.text }).toEqual({
        status: 200,
        text: expect.any(String),
      });
      expect({ status: badThenGood.status, text: badThenGood.text }).toEqual({
        status: 200,
        text: expect.any(String),
      });
      // Node keeps the first Authorization header and drops the rest.
      expect(JSON.parse(badThenGood.text)).toEqual({ data: { me: null } });
      expect(JSON.parse(goodThenBad.text)).toEqual({
        data: { me: { id: staff.id, disabledAt: null } },
      });
    });

    it('answers a very long token with no token (8 KB) or a 431 (past the header limit), never a 500', async () => {
      const [h, p, s] = staff.token.split('.');
      const padded = `${h}.${p}${'A'.repeat(8_000)}.${s}`;
      const response = await rawGraphql(`Bearer ${padded}`);
      expect(response.status).toBe(200);
      expect(codeOf(response.body)).toBe('UNAUTHENTICATED');
      const huge = await rawGraphql(`Bearer ${'A'.repeat(200_000)}`);
      expect(huge.status).toBe(431);
    });
  });

  describe('Bull Board with odd tokens', () => {
    const board = () => api.http.get(DASHBOARD);

    it('answers 401 (never 500) to malformed, expired, foreign, alg-none and odd-claim tokens in the header', async () => {
      const claims = { ...claimsOf({ id: adminId }), role: 'ADMIN', prison: null };
      const secret = process.env.JWT_SECRET as string;
      const body = { ...claims, iat: now(), exp: now() + 3600 };
      const tokens = [
        'junk',
        `${admin}x`,
        handMadeToken({ alg: 'HS256' }, { ...claims, iat: now() - 120, exp: now() - 60 }, secret),
        new JwtService({ secret: 'another' }).sign(claims, { expiresIn: '1h' }),
        handMadeToken({ alg: 'none' }, body, null),
        handMadeToken({ alg: 'HS512' }, body, secret, 'sha512'),
        signed({ ...claims, ver: '0' }),
        signed({ ...claims, sub: [adminId] }),
        signed({ ...claims, sub: 'not-a-uuid' }),
      ];
      for (const token of tokens) {
        const response = await board().set('authorization', `Bearer ${token}`);
        expect(response.status).toBe(401);
      }
      expect((await board().set('authorization', `Bearer ${admin}`)).status).toBe(200);
    });

    it('the ?token= flow sets an HttpOnly, SameSite=Strict cookie scoped to the board and drops the token from the address', async () => {
      const response = await api.http.get(`${DASHBOARD}?token=${encodeURIComponent(admin)}`);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(DASHBOARD);
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      const value = cookie.split(';')[0];
      expect((await board().set('cookie', value)).status).toBe(200);
    });

    it('a cookie holding a junk, expired or non-ADMIN token gets 401/403, never 500', async () => {
      const expired = handMadeToken(
        { alg: 'HS256' },
        { ...claimsOf({ id: adminId }), role: 'ADMIN', iat: now() - 120, exp: now() - 60 },
        process.env.JWT_SECRET as string,
      );
      expect((await board().set('cookie', 'queue_dashboard_token=junk')).status).toBe(401);
      expect((await board().set('cookie', `queue_dashboard_token=${expired}`)).status).toBe(401);
      expect((await board().set('cookie', `queue_dashboard_token=${staff.token}`)).status).toBe(
        403,
      );
      expect((await board().set('cookie', 'queue_dashboard_token=')).status).toBe(401);
    });

    it('a cookie whose value is not valid percent-encoding is no token (401), not a 500', async () => {
      // A browser keeps whatever a page or another app on the host set; the board must not crash on it.
      for (const value of ['%', '%E0%A4%A', '%zz', `${admin}%`]) {
        const response = await board().set('cookie', `queue_dashboard_token=${value}`);
        expect({ value, status: response.status, text: response.text.slice(0, 300) }).toMatchObject(
          {
            value,
            status: 401,
          },
        );
      }
    });

    it('a very long ?token= or cookie is refused without a 500', async () => {
      const long = await api.http.get(`${DASHBOARD}?token=${'A'.repeat(12_000)}`);
      expect(long.status).toBeLessThan(500);
      const cookie = await board().set('cookie', `queue_dashboard_token=${'A'.repeat(12_000)}`);
      expect(cookie.status).toBe(401);
      const huge = await board().set('cookie', `queue_dashboard_token=${'A'.repeat(200_000)}`);
      expect(huge.status).toBe(431);
    });

    it('a repeated ?token= parameter (an array) is not taken as a token', async () => {
      const response = await api.http.get(`${DASHBOARD}?token=${admin}&token=${admin}`);
      expect(response.status).toBe(401);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('closes to a disabled ADMIN through the cookie as well as the header, and to a signed-out one', async () => {
      const other = await createStaff(api, admin, { role: 'ADMIN' });
      const cookie = `queue_dashboard_token=${other.token}`;
      expect((await board().set('cookie', cookie)).status).toBe(200);
      await api.ok(DISABLE, { id: other.id }, admin);
      expect((await board().set('cookie', cookie)).status).toBe(401);
      await api.ok(ENABLE, { id: other.id }, admin);
      expect((await board().set('cookie', cookie)).status).toBe(401);

      const fresh = await api.login(other.email, STRONG_PASSWORD);
      expect((await board().set('cookie', `queue_dashboard_token=${fresh}`)).status).toBe(200);
      await api.ok(SIGN_OUT_EVERYWHERE, {}, fresh);
      expect((await board().set('cookie', `queue_dashboard_token=${fresh}`)).status).toBe(401);
    });
  });

  describe('disableUser, enableUser, signOutEverywhere', () => {
    it('are refused to every non-ADMIN role (FORBIDDEN) and to a bad token (UNAUTHENTICATED), changing nothing', async () => {
      const target = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      const org = await createOrganisation(api, admin);
      const coordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: org.id,
      });
      const { registerMentor } = await import('./support/factories');
      const mentor = await registerMentor(api, { organisationId: org.id });
      for (const mutation of [DISABLE, ENABLE]) {
        for (const token of [coordinator.token, staff.token, mentor.token]) {
          const result = await api.gql(mutation, { id: target.id }, token);
          expect(codeOf(result)).toBe('FORBIDDEN');
          expect(result.data).toBeNull();
        }
        for (const token of [undefined, 'junk', `${admin}x`]) {
          expect(codeOf(await api.gql(mutation, { id: target.id }, token))).toBe('UNAUTHENTICATED');
        }
      }
      // A mentor may not disable themselves either.
      expect(codeOf(await api.gql(DISABLE, { id: mentor.userId }, mentor.token))).toBe('FORBIDDEN');
      expect(await auditCount(target.id)).toBe(0);
      expect(await auditCount(mentor.userId)).toBe(0);
      expect((await api.ok(ME, {}, target.token)).me).toEqual({ id: target.id, disabledAt: null });
    });

    it('answers NOT_FOUND for any id that is not a UUID of a user, auditing nothing', async () => {
      const ids = [
        '',
        ' ',
        'null',
        '1',
        "' OR 1=1 --",
        'x'.repeat(10_000),
        '00000000-0000-0000-0000-000000000000',
        `${adminId} `,
        `{${adminId}}`,
        '\u0000',
      ];
      // Other test files share this database: count only what this test's own ADMIN writes.
      const actor = await createStaff(api, admin, { role: 'ADMIN' });
      const auditsBy = async (userId: string): Promise<number> =>
        (
          await dataSource.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE actor_user_id = $1`,
            [userId],
          )
        )[0].n;
      const before = await auditsBy(actor.id);
      for (const mutation of [DISABLE, ENABLE]) {
        for (const id of ids) {
          const result = await api.gql(mutation, { id }, actor.token);
          expect({ id: id.slice(0, 40), code: codeOf(result) }).toEqual({
            id: id.slice(0, 40),
            code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/),
          });
        }
      }
      // A number where an ID is expected is coerced by GraphQL; an object is a variable error.
      expect(codeOf(await api.gql(DISABLE, { id: 12345 }, actor.token))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(DISABLE, { id: { a: 1 } }, actor.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await api.gql(DISABLE, { id: [staff.id] }, actor.token))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await auditsBy(actor.id)).toBe(before);
      // The count can move: the same ADMIN disabling a real user is audited.
      const target = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      await api.ok(DISABLE, { id: target.id }, actor.token);
      expect(await auditsBy(actor.id)).toBe(before + 1);
    });

    it('finds a user by their id written in capitals, as every other id argument does', async () => {
      // Some clients write UUIDs in capitals (Swift's uuidString); volunteer(id) finds them so.
      const { registerMentor } = await import('./support/factories');
      const mentor = await registerMentor(api);
      const found = await api.ok<{ volunteer: { id: string } }>(
        'query($id: ID!) { volunteer(id: $id) { id } }',
        { id: mentor.id.toUpperCase() },
        admin,
      );
      expect(found.volunteer.id).toBe(mentor.id);
      const target = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      const disabled = await api.gql(DISABLE, { id: target.id.toUpperCase() }, admin);
      expect(codeOf(disabled)).toBeUndefined();
      expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, target.token))).toBe('UNAUTHENTICATED');
    });

    it('an ADMIN cannot disable themselves however the id is written', async () => {
      for (const id of [adminId, adminId.toUpperCase()]) {
        const result = await api.gql(DISABLE, { id }, admin);
        expect(codeOf(result)).not.toBeUndefined();
      }
      expect((await api.ok(ME, {}, admin)).me).toEqual({ id: adminId, disabledAt: null });
      expect(await auditCount(adminId)).toBe(0);
    });

    it('is idempotent: disabling twice keeps the first disabledAt and audits once; enabling an enabled user audits nothing', async () => {
      const target = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      expect(
        (await api.ok<{ enableUser: { disabledAt: null } }>(ENABLE, { id: target.id }, admin))
          .enableUser.disabledAt,
      ).toBeNull();
      expect(await auditCount(target.id)).toBe(0);
      const first = (
        await api.ok<{ disableUser: { disabledAt: string } }>(DISABLE, { id: target.id }, admin)
      ).disableUser;
      const second = (
        await api.ok<{ disableUser: { disabledAt: string } }>(DISABLE, { id: target.id }, admin)
      ).disableUser;
      expect(second.disabledAt).toBe(first.disabledAt);
      expect(await auditCount(target.id)).toBe(1);
      const [row] = await dataSource.query('SELECT token_version FROM users WHERE id = $1', [
        target.id,
      ]);
      expect(row.token_version).toBe(1);
    });

    it('many disables and enables at once leave a consistent row and one audit per change', async () => {
      const target = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          api.gql(i % 2 === 0 ? DISABLE : ENABLE, { id: target.id }, admin),
        ),
      );
      for (const result of results) expect(codeOf(result) ?? 'OK').toMatch(/^(OK|CONFLICT)$/);
      const [row] = await dataSource.query(
        'SELECT token_version, disabled_at FROM users WHERE id = $1',
        [target.id],
      );
      const audits: { action: string; details: { tokenVersion: number } }[] =
        await dataSource.query(
          // In the order the changes committed: created_at is each transaction's start, and
          // concurrent ones waited for the row's lock. A disable bumps the version, an enable follows it.
          `SELECT action, details FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action <> 'user.created'
            ORDER BY (details->>'tokenVersion')::int, action = 'user.enabled'`,
          [target.id],
        );
      expect(audits.filter((a) => a.action === 'user.disabled')).toHaveLength(row.token_version);
      expect(audits.at(-1)?.details.tokenVersion ?? 0).toBe(row.token_version);
      expect(audits.at(-1)?.action ?? 'user.enabled').toBe(
        row.disabled_at ? 'user.disabled' : 'user.enabled',
      );
    });

    it('signOutEverywhere with a dead or junk token is UNAUTHENTICATED and changes nothing', async () => {
      const user = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      for (const token of [undefined, 'junk', `${user.token}x`]) {
        expect(codeOf(await api.gql(SIGN_OUT_EVERYWHERE, {}, token))).toBe('UNAUTHENTICATED');
      }
      expect(await auditCount(user.id)).toBe(0);
      expect(codeOf(await api.gql(SIGNED_IN_ONLY, {}, user.token))).toBeUndefined();
    });
  });

  describe('who learns of a disabled account', () => {
    let world: Awaited<ReturnType<typeof referralWorld>>;
    let otherCoordinator: { token: string };
    let mentor: Awaited<ReturnType<typeof accommodationMentor>>;
    let referralId: string;

    beforeAll(async () => {
      world = await referralWorld(api, { capacity: 20 });
      const otherOrg = await createOrganisation(api, admin);
      otherCoordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: otherOrg.id,
      });
      mentor = await accommodationMentor(api, world, 'Disabled Reviewer');
      const matched = await acceptedMatch(api, world, mentor);
      referralId = matched.referral.id;
      await api.ok(DISABLE, { id: mentor.userId }, admin);
    });

    it("the mentor's own organisation and ADMINs see disabledAt; another organisation's coordinator sees nothing", async () => {
      const own = await api.ok<{ volunteer: { user: { disabledAt: string | null } } }>(
        VOLUNTEER_USER,
        { id: mentor.id },
        world.coordinator.token,
      );
      expect(own.volunteer.user.disabledAt).not.toBeNull();
      const other = await api.gql(VOLUNTEER_USER, { id: mentor.id }, otherCoordinator.token);
      expect(codeOf(other)).toBe('NOT_FOUND');
      expect(JSON.stringify(other)).not.toMatch(/disabledAt"\s*:\s*"/);
      const listed = await api.gql(
        '{ volunteers(first: 50) { edges { node { id user { disabledAt } } } } }',
        {},
        otherCoordinator.token,
      );
      expect(JSON.stringify(listed)).not.toContain(mentor.id);
    });

    it("the referring prison cannot reach the mentor's user (nor disabledAt) through referral.match", async () => {
      const result = await api.gql(REFERRAL_MENTOR_USER, { id: referralId }, world.prison.token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? {})).not.toMatch(/disabledAt|"user"/);
      const otherPrison = await api.gql(
        REFERRAL_MENTOR_USER,
        { id: referralId },
        world.otherPrison.token,
      );
      // referral(id) answers null for a referral the caller may not see.
      expect(otherPrison).toEqual({ data: { referral: null } });
    });

    it('excludedMentors names the disabled account only to the organisation; others are refused', async () => {
      // The match holds the mentor; a second referral is where they would be excluded.
      const second = await acceptedReferral(api, world);
      const own = await api.ok<{
        excludedMentors: { volunteer: { id: string }; reasons: string[] }[];
      }>(EXCLUDED_MENTORS, { referralId: second.id, first: 20 }, world.coordinator.token);
      const entry = own.excludedMentors.find((e) => e.volunteer.id === mentor.id);
      expect(entry?.reasons).toContain('account disabled: cannot sign in to answer');
      // Nothing about who disabled it or why, nor the account's email.
      expect(JSON.stringify(own)).not.toContain(mentor.email);
      for (const token of [otherCoordinator.token, world.prison.token, world.otherPrison.token]) {
        const result = await api.gql(EXCLUDED_MENTORS, { referralId: second.id, first: 20 }, token);
        expect(codeOf(result)).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
        expect(result.data).toBeNull();
      }
    });
  });

  describe('notices when a mentor leaves', () => {
    it('referral.mentor_left and match.ended carry and say nothing sensitive (names, prison numbers, reasons, emails)', async () => {
      const world = await referralWorld(api, { capacity: 20 });
      const mentor = await accommodationMentor(api, world, 'Zebedee Quartermain');
      const { referral } = await acceptedMatch(api, world, mentor);
      const reason = `moving abroad for cancer treatment ${unique('r')}`;
      await api.ok(
        SET_VOLUNTEER_STATUS,
        { id: mentor.id, status: 'WITHDRAWN', reason },
        mentor.token,
      );

      const left = await outboxRows(api, 'referral.mentor_left', referral.id);
      expect(left).toHaveLength(1);
      const [ended] = await dataSource.query(
        `SELECT kind, recipients, data FROM notification_outbox WHERE kind = 'match.ended' AND data->>'schemeName' = $1`,
        [referral.scheme.name],
      );
      expect(ended).toBeDefined();
      const context = { appUrl: 'https://resettle.example' };
      const rendered = [
        NOTIFICATION_KINDS['referral.mentor_left'].render(left[0].data as never, 'direct', context),
        NOTIFICATION_KINDS['match.ended'].render(ended.data as never, 'coordinator', context),
        NOTIFICATION_KINDS['match.ended'].render(ended.data as never, 'direct', context),
      ];
      const everything = JSON.stringify({ rows: [left[0], ended], rendered });
      for (const secret of [
        referral.personReference,
        'Zebedee',
        'Quartermain',
        reason,
        'cancer',
        mentor.email,
        'WITHDRAWN',
        referral.releaseDate,
      ]) {
        expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
      }
      // To the prison's staff only (direct), and to the organisation's coordinators.
      expect(left[0].recipients.map((r) => r.userId)).toContain(world.prison.id);
      expect(left[0].recipients.map((r) => r.userId)).not.toContain(world.otherPrison.id);
      expect(left[0].recipients.map((r) => r.userId)).not.toContain(world.coordinator.id);
      expect(ended.recipients.map((r: { userId: string }) => r.userId)).toEqual([
        world.coordinator.id,
      ]);
    });

    it('disabled accounts are not sent referral.mentor_left or match.ended (they can no longer sign in to read them)', async () => {
      const world = await referralWorld(api, { capacity: 20 });
      const goneStaff = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
      const goneCoordinator = await createStaff(api, admin, {
        role: 'COORDINATOR',
        organisationId: world.org.id,
      });
      const mentor = await accommodationMentor(api, world, 'Leaving Later');
      const { referral, match } = await acceptedMatch(api, world, mentor);
      await api.ok(DISABLE, { id: goneStaff.id }, admin);
      await api.ok(DISABLE, { id: goneCoordinator.id }, admin);
      await api.ok(SET_VOLUNTEER_STATUS, { id: mentor.id, status: 'WITHDRAWN' }, mentor.token);
      const [left] = await outboxRows(api, 'referral.mentor_left', referral.id);
      const [ended] = await outboxRows(api, 'match.ended', match.id);
      const ids = (row: { recipients: { userId: string }[] }) =>
        row.recipients.map((r) => r.userId);
      expect({
        prisonToldLive: ids(left).includes(world.prison.id),
        prisonToldDisabled: ids(left).includes(goneStaff.id),
        coordinatorsToldLive: ids(ended).includes(world.coordinator.id),
        coordinatorsToldDisabled: ids(ended).includes(goneCoordinator.id),
      }).toEqual({
        prisonToldLive: true,
        prisonToldDisabled: false,
        coordinatorsToldLive: true,
        coordinatorsToldDisabled: false,
      });
    });
  });

  describe('Referral.releasedOn', () => {
    it("is null before release and unreadable outside the referral's prison and organisation", async () => {
      const world = await referralWorld(api, { capacity: 20 });
      const referral = await acceptedReferral(api, world);
      const own = await api.ok<{ referral: { releasedOn: string | null } }>(
        'query($id: ID!) { referral(id: $id) { id releasedOn } }',
        { id: referral.id },
        world.prison.token,
      );
      expect(own.referral.releasedOn).toBeNull();
      const other = await api.gql(
        'query($id: ID!) { referral(id: $id) { id releasedOn } }',
        { id: referral.id },
        world.otherPrison.token,
      );
      expect(other).toEqual({ data: { referral: null } });
    });
  });
});
