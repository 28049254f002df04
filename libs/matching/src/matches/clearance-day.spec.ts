import { clearanceDay } from './clearance-day';

describe('clearanceDay', () => {
  it.each([
    ['2027-03-01', '2026-11-26', '2027-03-01'],
    ['2026-11-26', '2026-11-26', '2026-11-26'],
    ['2026-10-01', '2026-11-26', '2026-11-26'],
  ])('release %s, today %s: judged on %s', (releaseDate, today, day) => {
    expect(clearanceDay(releaseDate, today)).toBe(day);
  });
});
