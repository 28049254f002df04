import type { TestApi } from './support/app';
import { eventually } from './support/notifications';
import { OwnStack, startOwnStack } from './support/own-stack';

const MY_NOTIFICATIONS = '{ myNotifications { kind subject body } }';

// Registration and status changes announce themselves through the outbox; the worker delivers
// them in-app (no email server is configured in this suite). The worker takes every outbox row,
// job and event it finds, so it runs on a database and Redis prefix of this file's own
// (startOwnStack): on the run's shared database it would deliver, and sweep, other files' rows.
describe('volunteer notifications', () => {
  let stack: OwnStack;
  let api: TestApi;
  let admin: string;
  let factories: typeof import('./support/factories');

  beforeAll(async () => {
    stack = await startOwnStack('volnotify', { OUTBOX_RELAY_POLL_MS: '200' });
    ({ api } = stack);
    factories = await import('./support/factories');
    admin = await api.adminToken();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('welcomes a new mentor, tells their organisation\'s coordinators, and tells the mentor of a status change', async () => {
    const { createOrganisation, createStaff, registerMentor } = factories;
    const org = await createOrganisation(api, admin);
    const other = await createOrganisation(api, admin);
    const coordinator = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: org.id });
    const elsewhere = await createStaff(api, admin, { role: 'COORDINATOR', organisationId: other.id });
    const mentor = await registerMentor(api, { organisationId: org.id });

    const welcome = await eventually('a notification', async () => {
      const { myNotifications } = await api.ok(MY_NOTIFICATIONS, {}, mentor.token);
      return myNotifications.length > 0 ? myNotifications : undefined;
    });
    expect(welcome).toEqual([expect.objectContaining({ kind: 'mentor.registered' })]);

    const news = await eventually('a notification', async () => {
      const { myNotifications } = await api.ok(MY_NOTIFICATIONS, {}, coordinator.token);
      return myNotifications.length > 0 ? myNotifications : undefined;
    });
    expect(news).toEqual([expect.objectContaining({ kind: 'mentor.registered' })]);
    // Nothing names the applicant's postcode or anything about their past.
    expect(JSON.stringify(news)).not.toMatch(/LS6|convict|offence/i);
    expect((await api.ok(MY_NOTIFICATIONS, {}, elsewhere.token)).myNotifications).toEqual([]);

    await api.ok('mutation($id: ID!) { setVolunteerStatus(id: $id, status: WITHDRAWN, reason: "moved away") { status } }', { id: mentor.id }, coordinator.token);
    const changed = await eventually('a notification', async () => {
      const { myNotifications } = await api.ok(MY_NOTIFICATIONS, {}, mentor.token);
      return myNotifications.length > 1 ? myNotifications : undefined;
    });
    const statusNotice = changed.find((n: { kind: string }) => n.kind === 'volunteer.status_changed');
    expect(statusNotice).toBeDefined();
    expect(statusNotice.body).not.toContain('moved away');
  });
});
