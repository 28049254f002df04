import { AuditService, Clock } from '@app/core';
import { NotifyService } from '@app/notifications';
import { VettingCheckRepository, VettingExpiry } from '@app/vetting';
import { DataSource } from 'typeorm';
import { TestApi } from './support/app';
import { createOrganisation, createStaff, registerMentor } from './support/factories';
import { UPDATE_SERVICE, completeCheck, outboxRowsFor } from './support/vetting';

// VettingExpiry.sweep lists the checks due a reminder, then writes each reminder in its own
// transaction: a renewal that commits in between must not get a reminder for the date it no longer
// has (the check is re-read FOR SHARE first, as the release-day sweep does). The interleaving is
// forced by running the renewal right after the list is read.

describe('a vetting re-check reminder against a renewal committing during the sweep', () => {
  let api: TestApi;
  let clock: Clock;

  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.app.get(Clock);
  });
  afterEach(() => clock.set(null));
  afterAll(() => api.stop());

  it('sends no reminder for a re-check date a committed renewal has replaced', async () => {
    const admin = await api.adminToken();
    const org = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, {
      role: 'COORDINATOR',
      organisationId: org.id,
    });
    const mentor = await registerMentor(api, { organisationId: org.id });
    const check = await completeCheck(api, coordinator.token, mentor.id, {
      kind: 'DBS',
      dbsLevel: 'STANDARD',
      issuedOn: '2026-06-01',
      updateServiceSubscribed: true,
    });
    const oldDate = check.expiresOn as string;

    // 7 days before the re-check date: a reminder is due.
    const [y, m, d] = oldDate.split('-').map(Number);
    const sevenBefore = new Date(Date.UTC(y, m - 1, d - 7, 9)).toISOString();
    clock.set(sevenBefore);

    const real = api.app.get(VettingCheckRepository);
    const racing = Object.create(real) as VettingCheckRepository;
    // Only this test's check is swept; nothing else in the shared database is touched.
    racing.expireDue = async () => [];
    racing.recheckDue = async (today: string, within: number) => {
      const due = (await real.recheckDue(today, within)).filter((row) => row.id === check.id);
      // The coordinator renews the certificate through the API between the read and the enqueue.
      const renewed = await api.ok<{ recordUpdateServiceStatus: { expiresOn: string } }>(
        UPDATE_SERVICE,
        { checkId: check.id, result: 'NO_NEW_INFORMATION' },
        coordinator.token,
      );
      expect(renewed.recordUpdateServiceStatus.expiresOn).not.toBe(oldDate);
      return due;
    };
    const sweep = new VettingExpiry(
      api.app.get(DataSource),
      racing,
      api.app.get(AuditService),
      api.app.get(NotifyService),
      clock,
    );

    await sweep.sweep();

    const current = (
      await api.app
        .get(DataSource)
        .query(`SELECT to_char(expires_on, 'YYYY-MM-DD') AS d FROM vetting_checks WHERE id = $1`, [
          check.id,
        ])
    )[0].d;
    expect(current).not.toBe(oldDate);
    const reminders = await outboxRowsFor(api, 'vetting.expiring', check.id);
    expect(reminders.map((row) => row.data.expiresOn)).not.toContain(oldDate);
  });
});
