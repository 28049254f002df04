import { DomainError, ErrorCode, VolunteerStatus } from '@app/core';
import { VolunteerEligibility } from '@app/volunteers';
import { DataSource } from 'typeorm';
import { TestApi, codeOf } from './support/app';
import {
  SET_VOLUNTEER_STATUS,
  createOrganisation,
  createStaff,
  registerMentor,
  walkVolunteerStatus,
} from './support/factories';
import { accommodationMentor, acceptedMatch, referralWorld } from './support/matching';
import { meetBaseline } from './support/vetting';

// Registration hashes a password (argon2) per mentor. Jest 30's runner reads the global testTimeout,
// not the e2e project's 30 s in jest.config.js (tests were cut off at 5 s), so this file sets its own.
jest.setTimeout(30_000);

describe('volunteer status changes', () => {
  let api: TestApi;
  let admin: string;
  let db: DataSource;
  let org: { id: string };
  let coordinator: Awaited<ReturnType<typeof createStaff>>;
  const refusedForApproval = new Set<string>();

  const set = (token: string, id: string, status: string, reason?: string) =>
    api.gql(SET_VOLUNTEER_STATUS, { id, status, reason }, token);
  const statusOf = async (id: string): Promise<string> =>
    (await db.query('SELECT status FROM volunteer_profiles WHERE id = $1', [id]))[0].status;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    db = api.app.get(DataSource);
    org = await createOrganisation(api, admin);
    coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    // Stands in for vetting's baseline rule until that library registers its own.
    api.app.get(VolunteerEligibility).register({
      async assertEligible(_manager, volunteer, to) {
        if (refusedForApproval.has(volunteer.id)) {
          throw new DomainError(ErrorCode.NOT_ELIGIBLE, `Not cleared to become ${to}`, {
            missing: ['IDENTITY'],
          });
        }
      },
    });
  });
  afterAll(() => api.stop());

  it('walks the lifecycle APPLIED → VETTING → APPROVED → ACTIVE (by accepting a match) ↔ PAUSED, auditing each step', async () => {
    const world = await referralWorld(api);
    // Registered, vetted (APPLIED → VETTING with the first check) and APPROVED by the coordinator.
    const mentor = await accommodationMentor(api, world, 'Lifecycle mentor');
    expect(await statusOf(mentor.id)).toBe(VolunteerStatus.APPROVED);
    // domain.md: ACTIVE is a volunteer with an accepted match, so it is not set by hand.
    expect(codeOf(await set(world.coordinator.token, mentor.id, 'ACTIVE'))).toBe('CONFLICT');
    await acceptedMatch(api, world, mentor);
    expect(await statusOf(mentor.id)).toBe(VolunteerStatus.ACTIVE);
    for (const status of ['PAUSED', 'ACTIVE', 'PAUSED']) {
      expect(
        (await api.ok(SET_VOLUNTEER_STATUS, { id: mentor.id, status }, world.coordinator.token))
          .setVolunteerStatus,
      ).toEqual({ id: mentor.id, status });
    }
    // A pause ends in ACTIVE again, never back in APPROVED.
    expect(codeOf(await set(world.coordinator.token, mentor.id, 'APPROVED'))).toBe('CONFLICT');
    const audit = await db.query(
      `SELECT actor_user_id, details FROM audit_events
       WHERE entity_id = $1 AND action = 'volunteer.status_changed' AND details->>'from' <> 'APPLIED'
       ORDER BY created_at`,
      [mentor.id],
    );
    const byCoordinator = (from: string, to: string) => ({
      actor_user_id: world.coordinator.id,
      details: { from, to, actorRole: 'COORDINATOR' },
    });
    expect(audit).toEqual([
      byCoordinator('VETTING', 'APPROVED'),
      {
        actor_user_id: mentor.userId,
        details: { from: 'APPROVED', to: 'ACTIVE', actorRole: 'MENTOR' },
      },
      byCoordinator('ACTIVE', 'PAUSED'),
      byCoordinator('PAUSED', 'ACTIVE'),
      byCoordinator('ACTIVE', 'PAUSED'),
    ]);
    const [{ active_since }] = await db.query(
      'SELECT active_since FROM volunteer_profiles WHERE id = $1',
      [mentor.id],
    );
    expect(active_since).toBeInstanceOf(Date);
  });

  it.each([
    [[], 'APPROVED'],
    [[], 'ACTIVE'],
    [[], 'PAUSED'],
    [[], 'APPLIED'],
    [['VETTING'], 'APPLIED'],
    [['VETTING'], 'VETTING'],
    [['VETTING', 'APPROVED'], 'PAUSED'],
    [['VETTING', 'APPROVED'], 'ACTIVE'],
    [['WITHDRAWN'], 'VETTING'],
    [['WITHDRAWN'], 'WITHDRAWN'],
  ])('after %j refuses %s with CONFLICT and changes nothing', async (before, status) => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    if (before.includes('APPROVED')) {
      await meetBaseline(api, coordinator.token, mentor.id);
      before = before.filter((step) => step !== 'VETTING');
    }
    await walkVolunteerStatus(api, coordinator.token, mentor.id, before);
    const current = await statusOf(mentor.id);
    expect(codeOf(await set(coordinator.token, mentor.id, status, 'because'))).toBe('CONFLICT');
    expect(await statusOf(mentor.id)).toBe(current);
  });

  it('lets the organisation reject a volunteer who withdrew (domain.md: any state), never revive one', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    await walkVolunteerStatus(api, coordinator.token, mentor.id, ['WITHDRAWN']);
    expect(codeOf(await set(coordinator.token, mentor.id, 'REJECTED', 'reference withdrawn'))).toBe(
      undefined,
    );
    expect(await statusOf(mentor.id)).toBe('REJECTED');
    expect(codeOf(await set(coordinator.token, mentor.id, 'VETTING', 'try again'))).toBe(
      'CONFLICT',
    );
  });

  it('needs a reason to reject, keeps it for the organisation and out of the audit trail', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const bare = await set(coordinator.token, mentor.id, 'REJECTED');
    expect(codeOf(bare)).toBe('BAD_USER_INPUT');
    expect(bare.errors?.[0].extensions.fields).toEqual([
      { field: 'reason', message: 'is required to reject a volunteer' },
    ]);

    const reason = 'References could not be obtained';
    expect(
      (
        await api.ok(
          SET_VOLUNTEER_STATUS,
          { id: mentor.id, status: 'REJECTED', reason },
          coordinator.token,
        )
      ).setVolunteerStatus.status,
    ).toBe('REJECTED');
    const [{ status_reason }] = await db.query(
      'SELECT status_reason FROM volunteer_profiles WHERE id = $1',
      [mentor.id],
    );
    expect(status_reason).toBe(reason);
    const audit = await db.query(
      'SELECT details::text AS details FROM audit_events WHERE entity_id = $1',
      [mentor.id],
    );
    expect(audit.map((row: { details: string }) => row.details).join()).not.toContain('References');
  });

  it('refuses a reason over 500 characters, naming it', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const result = await set(coordinator.token, mentor.id, 'REJECTED', 'x'.repeat(501));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe('reason');
  });

  it('lets a mentor withdraw themselves, and nothing else', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const other = await registerMentor(api, { organisationId: org.id });
    expect(codeOf(await set(mentor.token, mentor.id, 'VETTING'))).toBe('FORBIDDEN');
    expect(codeOf(await set(mentor.token, mentor.id, 'REJECTED', 'changed my mind'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await set(mentor.token, other.id, 'WITHDRAWN'))).toBe('NOT_FOUND');
    expect(await statusOf(other.id)).toBe('APPLIED');
    expect(
      (await api.ok(SET_VOLUNTEER_STATUS, { id: mentor.id, status: 'WITHDRAWN' }, mentor.token))
        .setVolunteerStatus.status,
    ).toBe('WITHDRAWN');
    expect(codeOf(await set(mentor.token, mentor.id, 'WITHDRAWN'))).toBe('CONFLICT');
  });

  it("lets an admin change any organisation's volunteer, and a volunteer with no organisation", async () => {
    const unattached = await registerMentor(api);
    expect(
      (await api.ok(SET_VOLUNTEER_STATUS, { id: unattached.id, status: 'VETTING' }, admin))
        .setVolunteerStatus.status,
    ).toBe('VETTING');
    expect(codeOf(await set(coordinator.token, unattached.id, 'APPROVED'))).toBe('NOT_FOUND');
  });

  it('applies one of two simultaneous identical changes and refuses the other', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    const results = await Promise.all(
      [1, 2].map(() => set(coordinator.token, mentor.id, 'VETTING')),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const audit = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'volunteer.status_changed'`,
      [mentor.id],
    );
    expect(audit[0].n).toBe(1);
  });

  it('asks the registered eligibility checks before APPROVED, and keeps the status when they refuse', async () => {
    const mentor = await registerMentor(api, { organisationId: org.id });
    await meetBaseline(api, coordinator.token, mentor.id);
    refusedForApproval.add(mentor.id);
    const refused = await set(coordinator.token, mentor.id, 'APPROVED');
    expect(codeOf(refused)).toBe('NOT_ELIGIBLE');
    expect(refused.errors?.[0].extensions.missing).toEqual(['IDENTITY']);
    expect(await statusOf(mentor.id)).toBe(VolunteerStatus.VETTING);
    refusedForApproval.delete(mentor.id);
    expect(codeOf(await set(coordinator.token, mentor.id, 'APPROVED'))).toBeUndefined();
  });
});
