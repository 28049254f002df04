import { renderNotification } from './notification-kinds';

const context = { appUrl: 'https://resettle.example' };
const reminder = { kind: 'DBS', expiresOn: '2029-03-01', daysBefore: 7 };
const render = (daysLeft: number) =>
  renderNotification('vetting.expiring', { ...reminder, daysLeft }, 'coordinator', context);

describe('vetting.expiring', () => {
  it('says how many days are left, "tomorrow" the day before and "today" on the re-check date', () => {
    expect(render(3).subject).toBe("A volunteer's DBS check needs renewing in 3 days");
    expect(render(1).subject).toBe("A volunteer's DBS check needs renewing tomorrow");
    const lastDay = render(0);
    expect(lastDay.subject).toBe("A volunteer's DBS check needs renewing today");
    // The re-check date is the last day the check counts.
    expect(lastDay.body).toContain(
      'reaches its re-check date today (2029-03-01). After that date it no longer counts',
    );
  });
});
