import { VolunteerStatus } from '@app/core';
import { NOTIFICATION_KINDS, NotificationKind, renderNotification } from './notification-kinds';

const context = { appUrl: 'https://resettle.example' };

describe('notification templates', () => {
  it('welcomes a mentor and tells coordinators about a new application, naming no one', () => {
    const welcome = renderNotification('mentor.registered', {}, 'direct', context);
    expect(welcome.subject).toBe('Welcome to Resettle Match');
    expect(welcome.body).toContain('https://resettle.example');
    const coordinator = renderNotification('mentor.registered', {}, 'coordinator', context);
    expect(coordinator.subject).toBe('New mentor application');
    expect(coordinator.sms).toBe('New mentor application. Sign in at https://resettle.example');
  });

  it.each(Object.values(VolunteerStatus))(
    'words the status %s plainly, without any reason',
    (status) => {
      const rendered = renderNotification(
        'volunteer.status_changed',
        { status, reason: 'failed DBS: offence details', prisonNumber: 'A1234BC' },
        'direct',
        { appUrl: null },
      );
      expect(rendered.subject).toBe('An update on your mentor application');
      expect(rendered.body).not.toMatch(/undefined|DBS|offence|A1234BC|_/);
      expect(rendered.body).toContain('Sign in to Resettle Match to see the details.');
      expect(rendered.sms).toBe(
        'An update on your mentor application. Sign in to Resettle Match to read it.',
      );
    },
  );

  it('keeps subjects and text messages short enough for any channel', () => {
    for (const kind of Object.keys(NOTIFICATION_KINDS) as NotificationKind[]) {
      for (const audience of NOTIFICATION_KINDS[kind].audiences) {
        const rendered = renderNotification(
          kind,
          { status: VolunteerStatus.APPROVED },
          audience,
          context,
        );
        expect(rendered.subject.length).toBeLessThanOrEqual(200);
        expect(rendered.sms.length).toBeLessThanOrEqual(160);
      }
    }
  });

  it('refuses a kind this release does not know', () => {
    expect(() => renderNotification('no.such.kind' as never, {}, 'direct', context)).toThrow(
      'unknown notification kind',
    );
  });
});
