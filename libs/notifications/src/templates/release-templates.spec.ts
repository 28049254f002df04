import { renderNotification } from './notification-kinds';

const context = { appUrl: 'https://resettle.example' };
const reminder = {
  matchId: 'm1',
  schemeName: 'Leeds mentoring',
  releaseDate: '2027-03-01',
  daysBefore: 7,
  daysLeft: 7,
  meetAtGate: false,
  prisonName: 'HMP Leeds',
};

describe('release-day templates', () => {
  it('reminds the mentor a week and a day before, with the date', () => {
    const week = renderNotification('match.release_reminder', reminder, 'direct', context);
    expect(week.subject).toBe('The person you mentor is released in 7 days');
    expect(week.body).toContain('released in 7 days (2027-03-01)');
    expect(week.body).not.toMatch(/gate/i);
    const day = renderNotification(
      'match.release_reminder',
      { ...reminder, daysBefore: 1, daysLeft: 1 },
      'direct',
      context,
    );
    expect(day.subject).toBe('The person you mentor is released tomorrow');
    expect(day.sms).toBe(
      'The person you mentor is released tomorrow. Sign in at https://resettle.example',
    );
  });

  it('says "meet at the gate", naming the prison, for through-the-gate schemes', () => {
    const gate = renderNotification(
      'match.release_reminder',
      { ...reminder, meetAtGate: true, daysLeft: 5 },
      'direct',
      context,
    );
    expect(gate.subject).toBe('Meet at the gate in 5 days');
    expect(gate.body).toContain('Meet them at the gate of HMP Leeds on the day');
    const unnamed = renderNotification(
      'match.release_reminder',
      { ...reminder, meetAtGate: true, prisonName: null, daysBefore: 1, daysLeft: 1 },
      'direct',
      { appUrl: null },
    );
    expect(unnamed.subject).toBe('Meet at the gate tomorrow');
    expect(unnamed.body).toContain('Meet them at the prison gate');
  });

  it('tells the mentor and the coordinators of a new release date, in their own words', () => {
    const data = {
      referralId: 'r1',
      schemeName: 'Leeds mentoring',
      releaseDate: '2027-04-01',
      meetAtGate: true,
      prisonName: 'HMP Leeds',
    };
    const mentor = renderNotification('referral.release_date_changed', data, 'direct', context);
    expect(mentor.subject).toBe('The release date of the person you mentor has changed');
    expect(mentor.body).toContain('has changed to 2027-04-01');
    expect(mentor.body).toContain('at the gate of HMP Leeds');
    const coordinator = renderNotification(
      'referral.release_date_changed',
      data,
      'coordinator',
      context,
    );
    expect(coordinator.subject).toBe('A release date has changed (Leeds mentoring)');
    expect(coordinator.body).not.toMatch(/gate/);
  });
});
