import { Clock } from './clock';

// The platform's dates (release dates, re-check dates, "today or later") are UK calendar
// dates, and the daily jobs are scheduled in Europe/London time. "Today" must therefore turn over
// at UK midnight, not at UTC midnight (an hour apart during British Summer Time).
describe('Clock.today() follows the UK calendar', () => {
  const clock = new Clock();
  afterEach(() => clock.set(null));

  it.each([
    // 00:30 BST on 1 July is still 30 June in UTC.
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    // The day the clocks go forward (29 March 2026): 00:30 GMT, no shift yet.
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    // The first night of BST: 00:30 BST on 30 March 2026.
    ['2026-03-29T23:30:00Z', '2026-03-30'],
    // The day the clocks go back (25 October 2026): 00:30 BST on the 25th.
    ['2026-10-24T23:30:00Z', '2026-10-25'],
    // The first night of GMT: 23:30 on the 25th is still the 25th.
    ['2026-10-25T23:30:00Z', '2026-10-25'],
    // Winter: UTC and UK agree.
    ['2026-01-15T23:59:00Z', '2026-01-15'],
  ])('at %s it is %s in the UK', (instant, ukDate) => {
    clock.set(instant);
    expect(clock.today()).toBe(ukDate);
  });
});
