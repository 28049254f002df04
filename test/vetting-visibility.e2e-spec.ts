import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';
import { CHECKS, CHECKS_WITH_NOTES, CLEARANCE, completeCheck } from './support/vetting';

jest.setTimeout(60_000);

// Who sees what (domain.md, DBS Code of Practice): the organisation's coordinators see notes, and
// every read of them is audited; a mentor sees their own checks' kind, status and dates; prison
// staff see no vetting data.

describe('vetting data by role', () => {
  let api: TestApi;
  let db: DataSource;
  let admin: string;
  let coordinator: Awaited<ReturnType<typeof createStaff>>;
  let secondCoordinator: Awaited<ReturnType<typeof createStaff>>;
  let otherCoordinator: Awaited<ReturnType<typeof createStaff>>;
  let prisonStaff: Awaited<ReturnType<typeof createStaff>>;
  let mentor: Awaited<ReturnType<typeof registerMentor>>;
  let assessmentId: string;
  let dbsId: string;
  const NOTES = 'Offence 9 years ago; not relevant to the role; account consistent';

  const readsBy = async (checkId: string, actor: string): Promise<number> =>
    (await notesReads(checkId)).filter((event) => event.actor_user_id === actor).length;
  const notesReads = async (checkId: string): Promise<{ actor_user_id: string }[]> =>
    db.query(
      `SELECT actor_user_id FROM audit_events WHERE action = 'vetting.notes_read' AND entity_id = $1`,
      [checkId],
    );

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
    admin = await api.adminToken();
    const org = await createOrganisation(api, admin);
    coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    secondCoordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const otherOrg = await createOrganisation(api, admin);
    otherCoordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: otherOrg.id,
    });
    prisonStaff = await createStaff(api, admin, { role: 'PRISON_STAFF', prisonCode: 'LEI' });
    mentor = await registerMentor(api, { organisationId: org.id });
    dbsId = (
      await completeCheck(api, coordinator.token, mentor.id, {
        kind: 'DBS',
        dbsLevel: 'STANDARD',
        status: 'DISCLOSURE',
        issuedOn: '2026-06-01',
      })
    ).id;
    assessmentId = (
      await completeCheck(api, coordinator.token, mentor.id, {
        kind: 'CONVICTION_RISK_ASSESSMENT',
        notes: NOTES,
      })
    ).id;
    await completeCheck(api, coordinator.token, mentor.id, { kind: 'IDENTITY' });
  });
  afterAll(() => api.stop());

  it('shows coordinators of the organisation the notes, auditing each read, and only when notes are asked for', async () => {
    const before = await readsBy(assessmentId, secondCoordinator.id);
    await api.ok(CHECKS, { id: mentor.id }, secondCoordinator.token);
    expect(await readsBy(assessmentId, secondCoordinator.id)).toBe(before);

    const data = await api.ok<{
      volunteer: { checks: { id: string; kind: string; notes: string | null }[] };
    }>(CHECKS_WITH_NOTES, { id: mentor.id }, secondCoordinator.token);
    expect(data.volunteer.checks).toEqual([
      { id: expect.any(String), kind: 'IDENTITY', notes: null },
      { id: assessmentId, kind: 'CONVICTION_RISK_ASSESSMENT', notes: NOTES },
      { id: dbsId, kind: 'DBS', notes: null },
    ]);
    // One event per check whose notes were read; the event never holds the notes themselves.
    expect(await readsBy(assessmentId, secondCoordinator.id)).toBe(before + 1);
    expect(await notesReads(dbsId)).toEqual([]);
    const events = await db.query(
      `SELECT details::text AS details FROM audit_events WHERE action = 'vetting.notes_read' AND entity_id = $1`,
      [assessmentId],
    );
    for (const { details } of events) expect(details).not.toContain('Offence');
  });

  it('shows the certificate number but never notes to an admin (no part in the decision)', async () => {
    const data = await api.ok<{
      volunteer: {
        checks: { kind: string; notes: string | null; certificateNumber: string | null }[];
      };
    }>(
      `query($id: ID!) { volunteer(id: $id) { checks { kind notes certificateNumber } } }`,
      { id: mentor.id },
      admin,
    );
    const dbs = data.volunteer.checks.find((c) => c.kind === 'DBS');
    expect(dbs?.certificateNumber).toMatch(/^\d{12}$/);
    expect(data.volunteer.checks.map((c) => c.notes)).toEqual([null, null, null]);
  });

  it("shows a mentor their own checks' kind, status and dates, never notes or the certificate number", async () => {
    const before = (await notesReads(assessmentId)).length;
    const data = await api.ok<{
      myVolunteerProfile: { checks: Record<string, unknown>[]; clearance: { cleared: boolean } };
    }>(
      `{ myVolunteerProfile { checks { kind status issuedOn expiresOn requestedAt decidedAt certificateNumber notes } clearance { cleared missing } } }`,
      {},
      mentor.token,
    );
    expect(data.myVolunteerProfile.checks).toEqual([
      expect.objectContaining({
        kind: 'IDENTITY',
        status: 'CLEAR',
        certificateNumber: null,
        notes: null,
      }),
      expect.objectContaining({ kind: 'CONVICTION_RISK_ASSESSMENT', status: 'CLEAR', notes: null }),
      expect.objectContaining({
        kind: 'DBS',
        status: 'DISCLOSURE',
        issuedOn: '2026-06-01',
        expiresOn: '2029-06-01',
        certificateNumber: null,
        notes: null,
      }),
    ]);
    for (const check of data.myVolunteerProfile.checks) {
      expect(check.requestedAt).toEqual(expect.any(String));
      expect(check.decidedAt).toEqual(expect.any(String));
    }
    expect(data.myVolunteerProfile.clearance.cleared).toBe(false);
    expect(await notesReads(assessmentId)).toHaveLength(before);
  });

  it('shows no vetting data to prison staff, and nothing at all to another organisation', async () => {
    const asPrisonStaff = await api.gql(CHECKS, { id: mentor.id }, prisonStaff.token);
    expect(codeOf(asPrisonStaff)).toBe('FORBIDDEN');
    expect(JSON.stringify(asPrisonStaff.data ?? {})).not.toContain('DBS');
    expect(codeOf(await api.gql(CLEARANCE, { id: mentor.id }, prisonStaff.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await api.gql(CHECKS_WITH_NOTES, { id: mentor.id }, otherCoordinator.token)),
    ).toBe('NOT_FOUND');
  });

  it('lists notes for a page of volunteers with one audit event per check read', async () => {
    const before = await readsBy(assessmentId, coordinator.id);
    const data = await api.ok<{
      volunteers: { edges: { node: { checks: { id: string; notes: string | null }[] } }[] };
    }>(
      `{ volunteers(first: 10) { edges { node { id checks { id notes } } } } }`,
      {},
      coordinator.token,
    );
    const withNotes = data.volunteers.edges
      .flatMap((e) => e.node.checks)
      .filter((c) => c.notes !== null);
    expect(withNotes).toEqual([{ id: assessmentId, notes: NOTES }]);
    expect(await readsBy(assessmentId, coordinator.id)).toBe(before + 1);
  });

  it("audits who reads someone else's criminal-record outcome, not the mentor reading their own", async () => {
    const since: Date = (await db.query('SELECT now() AS t'))[0].t;
    const outcomeReads = async (
      actor: string,
    ): Promise<{ entity_id: string; fields: string[] }[]> =>
      db.query(
        `SELECT entity_id, details -> 'fields' AS fields FROM audit_events
         WHERE action = 'vetting.outcome_read' AND actor_user_id = $1 AND created_at >= $2
         ORDER BY entity_id`,
        [actor, since],
      );
    await api.ok(
      `query($id: ID!) { volunteer(id: $id) { checks { id kind requestedAt } } }`,
      { id: mentor.id },
      secondCoordinator.token,
    );
    expect(await outcomeReads(secondCoordinator.id)).toEqual([]);
    await api.ok(
      `query($id: ID!) { volunteer(id: $id) { checks { id kind status barredOn } } }`,
      { id: mentor.id },
      secondCoordinator.token,
    );
    // The DISCLOSURE and the decided risk assessment; the CLEAR identity check is no record.
    expect(await outcomeReads(secondCoordinator.id)).toEqual(
      [dbsId, assessmentId].sort().map((id) => ({ entity_id: id, fields: ['status'] })),
    );
    await api.ok('{ myVolunteerProfile { checks { id status } } }', {}, mentor.token);
    expect(await outcomeReads(mentor.userId)).toEqual([]);
  });
});
