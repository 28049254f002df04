import { releaseReminderDue, releaseReminderKey } from './release-reminder-policy';

describe('release reminders', () => {
  it.each([
    [30, null],
    [8, null],
    [7, 7],
    [3, 7],
    [2, 7],
    [1, 1],
    [0, null],
    [-2, null],
  ])('with %i days left, the reminder due is %p', (daysLeft, due) => {
    expect(releaseReminderDue(daysLeft)).toBe(due);
  });

  it('keys each reminder by match, release date and threshold', () => {
    expect(releaseReminderKey('m1', '2027-03-01', 7)).toBe(
      'match.release_reminder:m1:2027-03-01:7d',
    );
    expect(releaseReminderKey('m1', '2027-03-08', 7)).not.toBe(
      releaseReminderKey('m1', '2027-03-01', 7),
    );
  });
});
