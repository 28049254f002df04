import { renderNotification } from './notification-kinds';

const context = { appUrl: 'https://resettle.example' };

describe('match.ended and referral.closed', () => {
  it('tells the mentor and the coordinators in their own words, with a pointer to sign in', () => {
    const data = { matchId: 'm-1', schemeName: 'Leeds mentoring' };
    const mentor = renderNotification('match.ended', data, 'direct', context);
    const coordinator = renderNotification('match.ended', data, 'coordinator', context);
    expect(mentor.subject).toBe('A mentoring match has ended (Leeds mentoring)');
    expect(mentor.body).toContain('Thank you for the time you gave.');
    expect(coordinator.body).toContain('Their place is free for a new match.');
    for (const rendered of [mentor, coordinator]) {
      expect(rendered.body).toContain('https://resettle.example');
      expect(rendered.body).not.toMatch(/undefined|m-1/);
    }
  });

  it('tells coordinators when the match ended because the mentor left, and that the person needs another', () => {
    const rendered = renderNotification(
      'match.ended',
      { matchId: 'm-1', schemeName: 'Leeds mentoring', mentorLeft: true },
      'coordinator',
      context,
    );
    expect(rendered.body).toContain('is no longer volunteering');
    expect(rendered.body).toContain('please propose another');
    expect(rendered.body).not.toContain('Their place is free');
  });

  it('tells the prison the referral is closed, naming neither person nor reason', () => {
    const rendered = renderNotification(
      'referral.closed',
      {
        referralId: 'r-1',
        schemeName: 'Leeds mentoring',
        reason: 'recalled',
        prisonNumber: 'A1234BC',
      },
      'direct',
      { appUrl: null },
    );
    expect(rendered.subject).toBe('Mentoring ended (Leeds mentoring)');
    expect(rendered.body).not.toMatch(/recalled|A1234BC|r-1|undefined/);
    expect(rendered.sms).toBe(
      'Mentoring ended (Leeds mentoring). Sign in to Resettle Match to read it.',
    );
  });
});
