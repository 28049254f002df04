import { Clock, addDays, addMonths } from '@app/core';
import { DataSource } from 'typeorm';
import { GqlResult, TestApi, codeOf } from './support/app';
import {
  SET_VOLUNTEER_STATUS,
  createOrganisation,
  createStaff,
  insertVolunteers,
  registerMentor,
} from './support/factories';
import {
  IDENTITY_AND_REFERENCES,
  RECORD_OUTCOME,
  REQUEST_CHECK,
  UPDATE_SERVICE,
  certificateNumber,
  clearanceOf,
  completeCheck,
  completeChecks,
  outboxRowsFor,
  recordOutcome,
  requestCheck,
  vettingScheme,
} from './support/vetting';

jest.setTimeout(60_000);

describe('vetting checks: requests, outcomes, the Update Service', () => {
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  let org: { id: string };
  let otherOrg: { id: string };
  let coordinator: Awaited<ReturnType<typeof createStaff>>;
  let secondCoordinator: Awaited<ReturnType<typeof createStaff>>;
  let otherCoordinator: Awaited<ReturnType<typeof createStaff>>;

  const statusOf = async (id: string): Promise<string> =>
    (await db.query('SELECT status FROM volunteer_profiles WHERE id = $1', [id]))[0].status;
  // The API's own (UK) date, as the Update Service result is dated by it: not the UTC date, which
  // is a day behind from 00:00 to 01:00 BST.
  const ukToday = () => api.app.get(Clock).today();
  const today = ukToday;
  const yesterday = () => addDays(ukToday(), -1);
  // Calendar years, as the app counts them (29 February + 3 years = 28 February).
  const yearsFromToday = (years: number) => addMonths(ukToday(), 12 * years);

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
    admin = await api.adminToken();
    org = await createOrganisation(api, admin);
    coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    secondCoordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    otherOrg = await createOrganisation(api, admin);
    otherCoordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
    // Barred lists may only be checked where a scheme of the organisation requires them.
    await vettingScheme(api, coordinator.token, org.id, {
      requiredDbsLevel: 'ENHANCED',
      requiredBarredLists: ['CHILDREN', 'ADULTS'],
    });
  });
  afterAll(() => api.stop());

  it('moves an APPLIED volunteer to VETTING with the first check (audited, mentor told), and only then', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const first = await requestCheck(api, coordinator.token, {
      volunteerId: mentor.id,
      kind: 'IDENTITY',
    });
    expect(first).toMatchObject({
      kind: 'IDENTITY',
      status: 'REQUESTED',
      dbsLevel: null,
      barredLists: [],
      decidedAt: null,
      expiresOn: null,
    });
    expect(await statusOf(mentor.id)).toBe('VETTING');
    await requestCheck(api, coordinator.token, {
      volunteerId: mentor.id,
      kind: 'DBS',
      dbsLevel: 'BASIC',
    });
    const audit = await db.query(
      `SELECT actor_user_id, details FROM audit_events WHERE entity_id = $1 AND action = 'volunteer.status_changed'`,
      [mentor.id],
    );
    expect(audit).toEqual([
      {
        actor_user_id: coordinator.id,
        details: { from: 'APPLIED', to: 'VETTING', actorRole: 'COORDINATOR' },
      },
    ]);
    const requested = await db.query(
      `SELECT count(*)::int AS n FROM audit_events e JOIN vetting_checks c ON c.id::text = e.entity_id
        WHERE c.volunteer_id = $1 AND e.action = 'vetting.check_requested'`,
      [mentor.id],
    );
    expect(requested[0].n).toBe(2);
    const told = await db.query(
      `SELECT recipients, data FROM notification_outbox WHERE dedupe_key = $1`,
      [`volunteer.status_changed:${mentor.id}:VETTING`],
    );
    expect(told).toEqual([
      { recipients: [{ userId: mentor.userId, audience: 'direct' }], data: { status: 'VETTING' } },
    ]);
  });

  it("refuses APPROVED with NOT_ELIGIBLE and what is missing until the organisation's baseline is met", async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    await completeCheck(api, coordinator.token, mentor.id, { kind: 'IDENTITY' });
    const approve = () =>
      api.gql(SET_VOLUNTEER_STATUS, { id: mentor.id, status: 'APPROVED' }, coordinator.token);
    let refused = await approve();
    expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions.missing).toEqual(['DBS BASIC', 'REFERENCE (0 of 2)']);
    // A DBS certificate whose re-check date has passed does not count.
    await completeCheck(api, coordinator.token, mentor.id, {
      kind: 'DBS',
      dbsLevel: 'BASIC',
      issuedOn: '2022-03-01',
    });
    await completeCheck(api, coordinator.token, mentor.id, { kind: 'REFERENCE' });
    refused = await approve();
    expect(refused.errors?.[0].extensions.missing).toEqual(['DBS BASIC', 'REFERENCE (1 of 2)']);
    expect(await statusOf(mentor.id)).toBe('VETTING');
    await completeChecks(api, coordinator.token, mentor.id, [
      { kind: 'REFERENCE' },
      { kind: 'DBS', dbsLevel: 'STANDARD' },
    ]);
    expect((await approve()).data).toEqual({
      setVolunteerStatus: { id: mentor.id, status: 'APPROVED' },
    });
  });

  it('records a BARRED outcome and tells every coordinator of the organisation at once, naming no one', async () => {
    const [volunteerId] = await insertVolunteers(api, 1, org.id);
    const barred = await completeCheck(api, coordinator.token, volunteerId, {
      kind: 'DBS',
      dbsLevel: 'ENHANCED',
      barredLists: ['CHILDREN'],
      status: 'BARRED',
    });
    expect(barred).toMatchObject({
      status: 'BARRED',
      barredLists: ['CHILDREN'],
      barredOn: ['CHILDREN'],
      expiresOn: null,
    });
    const rows = await outboxRowsFor(api, 'vetting.barred', barred.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].recipients).toEqual(
      expect.arrayContaining([
        { userId: coordinator.id, audience: 'coordinator' },
        { userId: secondCoordinator.id, audience: 'coordinator' },
      ]),
    );
    expect(rows[0].recipients.map((r) => r.userId)).not.toContain(otherCoordinator.id);
    expect(rows[0].data).toEqual({ checkId: barred.id });
  });

  it('records an outcome once; a change is a new check, so the history is kept', async () => {
    const [volunteerId] = await insertVolunteers(api, 1, org.id);
    const first = await completeCheck(api, coordinator.token, volunteerId, {
      kind: 'REFERENCE',
      status: 'REJECTED',
    });
    const again = await api.gql(
      RECORD_OUTCOME,
      { input: { checkId: first.id, status: 'CLEAR' } },
      coordinator.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
    await completeCheck(api, coordinator.token, volunteerId, { kind: 'REFERENCE' });
    const checks = await db.query(
      `SELECT status FROM vetting_checks WHERE volunteer_id = $1 ORDER BY requested_at`,
      [volunteerId],
    );
    expect(checks.map((c: { status: string }) => c.status)).toEqual(['REJECTED', 'CLEAR']);
  });

  it('keeps only what may be kept: no certificate copy, and notes out of the audit trail', async () => {
    const [volunteerId] = await insertVolunteers(api, 1, org.id);
    const secret = 'Disclosed: an offence in 2015; reasons for the decision';
    const check = await completeCheck(api, coordinator.token, volunteerId, {
      kind: 'CONVICTION_RISK_ASSESSMENT',
      notes: secret,
    });
    const columns = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'vetting_checks'`,
    );
    expect(
      columns
        .map((c: { column_name: string }) => c.column_name)
        .filter((c: string) => /certificate/.test(c)),
    ).toEqual(['certificate_number']);
    const audit = await db.query(
      `SELECT action, details::text AS details FROM audit_events WHERE entity_id = $1 ORDER BY created_at`,
      [check.id],
    );
    // The changes, then the recorder reading the DISCLOSURE back (reads are audited too).
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'vetting.check_requested',
      'vetting.outcome_recorded',
      'vetting.outcome_read',
    ]);
    for (const event of audit) expect(event.details).not.toContain('offence');
  });

  describe('DBS Update Service', () => {
    async function subscribedCertificate(issuedOn: string, dbsLevel = 'ENHANCED') {
      const [volunteerId] = await insertVolunteers(api, 1, org.id);
      await completeChecks(api, coordinator.token, volunteerId, IDENTITY_AND_REFERENCES);
      const check = await completeCheck(api, coordinator.token, volunteerId, {
        kind: 'DBS',
        dbsLevel,
        issuedOn,
        updateServiceSubscribed: true,
      });
      return { volunteerId, check };
    }
    const statusCheck = (checkId: string, result: string) =>
      api.gql(UPDATE_SERVICE, { checkId, result }, coordinator.token);

    it('NO_NEW_INFORMATION renews from today, even a certificate past its re-check date', async () => {
      const { volunteerId, check } = await subscribedCertificate('2023-01-10');
      expect(check).toMatchObject({
        status: 'EXPIRED',
        expiresOn: '2026-01-10',
        updateServiceSubscribed: true,
      });
      expect((await clearanceOf(api, coordinator.token, volunteerId)).missing).toEqual([
        'DBS BASIC',
      ]);
      const renewed = await statusCheck(check.id, 'NO_NEW_INFORMATION');
      expect(renewed.data?.recordUpdateServiceStatus).toMatchObject({
        status: 'CLEAR',
        expiresOn: yearsFromToday(3),
        issuedOn: '2023-01-10',
      });
      expect(await clearanceOf(api, coordinator.token, volunteerId)).toEqual({
        cleared: true,
        missing: [],
        expiresOn: yearsFromToday(3),
      });
    });

    it('NEW_INFORMATION: the certificate stops counting at once (today) and a new DBS check is needed', async () => {
      const { volunteerId, check } = await subscribedCertificate('2026-06-01');
      expect((await clearanceOf(api, coordinator.token, volunteerId)).cleared).toBe(true);
      const result = await statusCheck(check.id, 'NEW_INFORMATION');
      // A check counts on its re-check date, so the date becomes yesterday: today it is past it.
      expect(result.data?.recordUpdateServiceStatus).toMatchObject({
        status: 'EXPIRED',
        expiresOn: yesterday(),
      });
      expect(await clearanceOf(api, coordinator.token, volunteerId, { asOf: ukToday() })).toEqual({
        cleared: false,
        missing: ['DBS BASIC'],
        expiresOn: null,
      });
      expect(codeOf(await statusCheck(check.id, 'NO_NEW_INFORMATION'))).toBe('CONFLICT');
      await completeCheck(api, coordinator.token, volunteerId, {
        kind: 'DBS',
        dbsLevel: 'ENHANCED',
        issuedOn: today(),
      });
      expect((await clearanceOf(api, coordinator.token, volunteerId)).cleared).toBe(true);
    });

    it('NOT_SUBSCRIBED clears the flag; the certificate counts until its re-check date', async () => {
      const { volunteerId, check } = await subscribedCertificate('2026-06-01', 'STANDARD');
      const result = await statusCheck(check.id, 'NOT_SUBSCRIBED');
      expect(result.data?.recordUpdateServiceStatus).toMatchObject({
        status: 'CLEAR',
        updateServiceSubscribed: false,
        expiresOn: '2029-06-01',
      });
      expect((await clearanceOf(api, coordinator.token, volunteerId)).cleared).toBe(true);
      expect(codeOf(await statusCheck(check.id, 'NO_NEW_INFORMATION'))).toBe('CONFLICT');
    });

    it('is only for subscribed STANDARD and ENHANCED certificates of the organisation', async () => {
      const [volunteerId] = await insertVolunteers(api, 1, org.id);
      const basic = await completeCheck(api, coordinator.token, volunteerId, {
        kind: 'DBS',
        dbsLevel: 'BASIC',
      });
      expect(codeOf(await statusCheck(basic.id, 'NO_NEW_INFORMATION'))).toBe('BAD_USER_INPUT');
      const unsubscribed = await completeCheck(api, coordinator.token, volunteerId, {
        kind: 'DBS',
        dbsLevel: 'STANDARD',
      });
      expect(codeOf(await statusCheck(unsubscribed.id, 'NO_NEW_INFORMATION'))).toBe('CONFLICT');
      const identity = await completeCheck(api, coordinator.token, volunteerId, {
        kind: 'IDENTITY',
      });
      expect(codeOf(await statusCheck(identity.id, 'NO_NEW_INFORMATION'))).toBe('BAD_USER_INPUT');
      const { check } = await subscribedCertificate('2026-06-01');
      const stranger = await api.gql(
        UPDATE_SERVICE,
        { checkId: check.id, result: 'NO_NEW_INFORMATION' },
        otherCoordinator.token,
      );
      expect(codeOf(stranger)).toBe('NOT_FOUND');
    });
  });

  describe('bad inputs', () => {
    let volunteerId: string;
    let requestedDbs: string;
    let requestedIdentity: string;
    let requestedAssessment: string;

    beforeAll(async () => {
      [volunteerId] = await insertVolunteers(api, 1, org.id);
      requestedDbs = (
        await requestCheck(api, coordinator.token, {
          volunteerId,
          kind: 'DBS',
          dbsLevel: 'ENHANCED',
        })
      ).id;
      requestedIdentity = (
        await requestCheck(api, coordinator.token, { volunteerId, kind: 'IDENTITY' })
      ).id;
      requestedAssessment = (
        await requestCheck(api, coordinator.token, {
          volunteerId,
          kind: 'CONVICTION_RISK_ASSESSMENT',
        })
      ).id;
    });

    const request = (input: Record<string, unknown>) =>
      api.gql(REQUEST_CHECK, { input: { volunteerId, ...input } }, coordinator.token);
    const record = (input: Record<string, unknown>) =>
      api.gql(RECORD_OUTCOME, { input }, coordinator.token);
    const dbsResult = () => ({ certificateNumber: certificateNumber(), issuedOn: '2026-06-01' });

    it.each<[string, () => Promise<GqlResult>, string, string | null]>([
      [
        'a DBS check without a level',
        () => request({ kind: 'DBS' }),
        'BAD_USER_INPUT',
        'input.dbsLevel',
      ],
      [
        'a barred list with a STANDARD check',
        () => request({ kind: 'DBS', dbsLevel: 'STANDARD', barredLists: ['CHILDREN'] }),
        'BAD_USER_INPUT',
        'input.barredLists',
      ],
      [
        'a level on a reference',
        () => request({ kind: 'REFERENCE', dbsLevel: 'BASIC' }),
        'BAD_USER_INPUT',
        'input.dbsLevel',
      ],
      ['an unknown kind', () => request({ kind: 'HOME_VISIT' }), 'BAD_USER_INPUT', null],
      [
        'a volunteer id that is not a UUID',
        () =>
          api.gql(
            REQUEST_CHECK,
            { input: { volunteerId: 'nope', kind: 'IDENTITY' } },
            coordinator.token,
          ),
        'BAD_USER_INPUT',
        null,
      ],
      [
        'an unknown volunteer',
        () =>
          api.gql(
            REQUEST_CHECK,
            { input: { volunteerId: '00000000-0000-4000-8000-000000000000', kind: 'IDENTITY' } },
            coordinator.token,
          ),
        'NOT_FOUND',
        null,
      ],
      [
        'a certificate number of 11 digits',
        () =>
          record({
            checkId: requestedDbs,
            status: 'CLEAR',
            ...dbsResult(),
            certificateNumber: '12345678901',
          }),
        'BAD_USER_INPUT',
        'input.certificateNumber',
      ],
      [
        'a certificate number with a letter',
        () =>
          record({
            checkId: requestedDbs,
            status: 'CLEAR',
            ...dbsResult(),
            certificateNumber: '00123456789X',
          }),
        'BAD_USER_INPUT',
        'input.certificateNumber',
      ],
      [
        'a DBS result without its certificate',
        () => record({ checkId: requestedDbs, status: 'CLEAR' }),
        'BAD_USER_INPUT',
        'input.certificateNumber',
      ],
      [
        'an issue date in the future',
        () =>
          record({
            checkId: requestedDbs,
            status: 'CLEAR',
            ...dbsResult(),
            issuedOn: '2099-01-01',
          }),
        'BAD_USER_INPUT',
        'input.issuedOn',
      ],
      [
        'an issue date that is not a date',
        () =>
          record({
            checkId: requestedDbs,
            status: 'CLEAR',
            ...dbsResult(),
            issuedOn: '2026-02-30',
          }),
        'BAD_USER_INPUT',
        null,
      ],
      [
        'BARRED on a check of no barred list',
        () => record({ checkId: requestedDbs, status: 'BARRED', ...dbsResult() }),
        'BAD_USER_INPUT',
        'input.status',
      ],
      [
        'REJECTED without notes',
        () => record({ checkId: requestedIdentity, status: 'REJECTED' }),
        'BAD_USER_INPUT',
        'input.notes',
      ],
      [
        'a risk assessment without notes',
        () => record({ checkId: requestedAssessment, status: 'CLEAR' }),
        'BAD_USER_INPUT',
        'input.notes',
      ],
      [
        'REQUESTED as an outcome',
        () => record({ checkId: requestedIdentity, status: 'REQUESTED' }),
        'BAD_USER_INPUT',
        'input.status',
      ],
      [
        'EXPIRED as an outcome',
        () => record({ checkId: requestedIdentity, status: 'EXPIRED' }),
        'BAD_USER_INPUT',
        'input.status',
      ],
      [
        'DISCLOSURE on an identity check',
        () => record({ checkId: requestedIdentity, status: 'DISCLOSURE' }),
        'BAD_USER_INPUT',
        'input.status',
      ],
      [
        'an unknown check',
        () => record({ checkId: '00000000-0000-4000-8000-000000000000', status: 'CLEAR' }),
        'NOT_FOUND',
        null,
      ],
      [
        'a past asOf',
        () =>
          api.gql(
            `query($id: ID!) { volunteer(id: $id) { clearance(asOf: "2020-01-01") { cleared } } }`,
            { id: volunteerId },
            coordinator.token,
          ),
        'BAD_USER_INPUT',
        'asOf',
      ],
      [
        'an unknown scheme',
        () =>
          api.gql(
            `query($id: ID!) { volunteer(id: $id) { clearance(schemeId: "00000000-0000-4000-8000-000000000000") { cleared } } }`,
            { id: volunteerId },
            coordinator.token,
          ),
        'NOT_FOUND',
        null,
      ],
    ])('%s', async (_name, call, code, field) => {
      const result = await call();
      expect(codeOf(result)).toBe(code);
      if (field) expect(result.errors?.[0].extensions.fields?.map((f) => f.field)).toContain(field);
    });

    it('refuses a barred list no scheme of the organisation requires (only lawful for regulated activity)', async () => {
      const admin2 = await api.adminToken();
      const plainOrg = await createOrganisation(api, admin2);
      const plainCoordinator = (
        await createStaff(api, admin2, { role: 'COORDINATOR', organisationId: plainOrg.id })
      ).token;
      const [plainVolunteer] = await insertVolunteers(api, 1, plainOrg.id);
      const result = await api.gql(
        REQUEST_CHECK,
        {
          input: {
            volunteerId: plainVolunteer,
            kind: 'DBS',
            dbsLevel: 'ENHANCED',
            barredLists: ['CHILDREN'],
          },
        },
        plainCoordinator,
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.fields?.[0].field).toBe('input.barredLists');
    });

    it('refuses a scheme of another organisation, and new checks for a withdrawn volunteer', async () => {
      const otherScheme = await vettingScheme(api, otherCoordinator.token, otherOrg.id, {
        requiredDbsLevel: 'BASIC',
      });
      const clearance = await api.gql(
        `query($id: ID!, $schemeId: ID) { volunteer(id: $id) { clearance(schemeId: $schemeId) { cleared } } }`,
        { id: volunteerId, schemeId: otherScheme.id },
        coordinator.token,
      );
      // As for a scheme that does not exist: the organisation's clearance knows only its own.
      expect(codeOf(clearance)).toBe('NOT_FOUND');
      const mentor = await registerMentor(api, { organisationId: org.id });
      await api.ok(SET_VOLUNTEER_STATUS, { id: mentor.id, status: 'WITHDRAWN' }, mentor.token);
      expect(
        codeOf(
          await api.gql(
            REQUEST_CHECK,
            { input: { volunteerId: mentor.id, kind: 'IDENTITY' } },
            coordinator.token,
          ),
        ),
      ).toBe('CONFLICT');
    });

    it('lets only coordinators of the organisation (and admins) request and record', async () => {
      const mentor = await registerMentor(api, { organisationId: org.id });
      const prisonStaff = await createStaff(api, admin, {
        role: 'PRISON_STAFF',
        prisonCode: 'LEI',
      });
      const input = { volunteerId: mentor.id, kind: 'IDENTITY' };
      expect(codeOf(await api.gql(REQUEST_CHECK, { input }, mentor.token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(REQUEST_CHECK, { input }, prisonStaff.token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(REQUEST_CHECK, { input }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(REQUEST_CHECK, { input }, otherCoordinator.token))).toBe(
        'NOT_FOUND',
      );
      const byAdmin = await requestCheck(api, admin, input);
      expect(
        codeOf(
          await api.gql(
            RECORD_OUTCOME,
            { input: { checkId: byAdmin.id, status: 'CLEAR' } },
            otherCoordinator.token,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(
            RECORD_OUTCOME,
            { input: { checkId: byAdmin.id, status: 'CLEAR' } },
            mentor.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        (await recordOutcome(api, admin, { checkId: byAdmin.id, status: 'CLEAR' })).status,
      ).toBe('CLEAR');
    });
  });
});
