import { TestApi, codeOf, unique } from './support/app';
import { STRONG_PASSWORD, createOrganisation, createStaff } from './support/factories';

describe('accounts and sign-in', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
  });
  afterAll(() => api.stop());

  it('signs the bootstrap admin in and tells who they are', async () => {
    const data = await api.ok('{ me { email role organisation { id } prisonCode } }', {}, admin);
    expect(data.me).toEqual({ email: 'admin@test.resettle.example', role: 'ADMIN', organisation: null, prisonCode: null });
  });

  it('answers me with null without a token', async () => {
    expect(await api.ok('{ me { id } }')).toEqual({ me: null });
  });

  it('creates a coordinator bound to an organisation', async () => {
    const org = await createOrganisation(api, admin, { specialisms: ['WOMEN'], charityNumber: '1234567' });
    const coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    const data = await api.ok('{ me { role organisation { id name specialisms } } }', {}, coordinator.token);
    expect(data.me).toEqual({ role: 'COORDINATOR', organisation: { id: org.id, name: org.name, specialisms: ['WOMEN'] } });
  });

  it('creates prison staff bound to a known prison, and refuses an unknown prison code', async () => {
    const staff = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'lei' });
    expect((await api.ok('{ me { prisonCode } }', {}, staff.token)).me).toEqual({ prisonCode: 'LEI' });
    const result = await api.gql(
      'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
      { input: { email: `${unique('ps')}@example.org`, password: STRONG_PASSWORD, role: 'PRISON_STAFF', prisonCode: 'XYZ' } },
      admin,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields).toEqual([{ field: 'input.prisonCode', message: 'unknown prison code XYZ' }]);
  });

  it('requires the organisation of a coordinator', async () => {
    const result = await api.gql(
      'mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { id } }',
      { input: { email: `${unique('c')}@example.org`, password: STRONG_PASSWORD, role: 'COORDINATOR' } },
      admin,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe('input.organisationId');
  });

  it('lets only an admin create organisations and staff', async () => {
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    const asCoordinator = await api.gql('mutation { createOrganisation(input: { name: "Rogue" }) { id } }', {}, coordinator.token);
    expect(codeOf(asCoordinator)).toBe('FORBIDDEN');
    const anonymous = await api.gql('mutation { createOrganisation(input: { name: "Rogue" }) { id } }');
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses a duplicate organisation name with CONFLICT', async () => {
    const org = await createOrganisation(api, admin);
    const again = await api.gql('mutation($name: String!) { createOrganisation(input: { name: $name }) { id } }', { name: org.name.toUpperCase() }, admin);
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('gives the same UNAUTHENTICATED answer for an unknown email and a wrong password', async () => {
    const staff = await createStaff(api, admin, { role: 'ADMIN' });
    const query = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    const unknown = await api.gql(query, { e: `${unique('nobody')}@example.org`, p: STRONG_PASSWORD });
    const wrong = await api.gql(query, { e: staff.email, p: 'not the right passphrase' });
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('throttles the sixth failed login for one email within a minute, even with the right password', async () => {
    const staff = await createStaff(api, admin, { role: 'ADMIN' });
    const query = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const result = await api.gql(query, { e: staff.email, p: `wrong passphrase ${attempt}` }, undefined, { 'x-forwarded-for': `10.0.0.${attempt}` });
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await api.gql(query, { e: staff.email, p: 'wrong again, sixth' }))).toBe('RATE_LIMITED');
    expect(codeOf(await api.gql(query, { e: staff.email, p: STRONG_PASSWORD }))).toBe('RATE_LIMITED');
  });

  it('throttles the sixth failed login from one client address, whatever the email', async () => {
    const query = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    const from = { 'x-forwarded-for': '192.0.2.77' };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(codeOf(await api.gql(query, { e: `${unique('guess')}@example.org`, p: 'wrong passphrase' }, undefined, from))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await api.gql(query, { e: 'admin@test.resettle.example', p: 'correct horse battery staple' }, undefined, from))).toBe('RATE_LIMITED');
  });

  it('rejects a forged or expired token as not signed in', async () => {
    const result = await api.gql('mutation { createOrganisation(input: { name: "X" }) { id } }', {}, 'eyJhbGciOiJIUzI1NiJ9.e30.forged');
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });

  it('records account creation in the audit trail', async () => {
    const staff = await createStaff(api, admin, { role: 'ADMIN' });
    const { DataSource } = await import('typeorm');
    const rows = await api.app.get(DataSource).query(`SELECT action, details FROM audit_events WHERE entity_id = $1`, [staff.id]);
    expect(rows).toEqual([{ action: 'user.created', details: { role: 'ADMIN', organisationId: null, prisonCode: null } }]);
  });
});
