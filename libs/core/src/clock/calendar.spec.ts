import { addDays, addMonths, isIsoDate } from './calendar';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-01', 1, '2027-01-01'],
    ['2026-01-01', -12, '2025-01-01'],
    ['2026-05-20', 0, '2026-05-20'],
    ['2020-02-29', 12, '2021-02-28'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['0050-06-01', 12, '0051-06-01'],
    ['0050-01-01', 36, '0053-01-01'],
    ['0000-01-01', 1, '0000-02-01'],
    ['0099-12-31', 1, '0100-01-31'],
    ['0100-01-15', -1, '0099-12-15'],
    ['0004-02-29', 12, '0005-02-28'],
    ['0001-03-31', -1, '0001-02-28'],
  ])('years 0–99 are taken as given: %s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('reaches the last representable month', () => {
    expect(addMonths('9999-06-30', 6)).toBe('9999-12-30');
  });

  it.each([
    ['9999-12-01', 48],
    ['0000-01-01', -1],
  ])('%s + %i months has no YYYY-MM-DD form: RangeError, never "+010003-12"', (date, months) => {
    expect(() => addMonths(date, months)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['0050-12-31', 1, '0051-01-01'],
    ['0001-01-01', -1, '0000-12-31'],
    ['9999-12-30', 1, '9999-12-31'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('past 9999-12-31 is a RangeError', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['0050-06-01', true],
    ['2026-02-30', false],
    ['2026-2-3', false],
    ['+010000-01-01', false],
  ])('%s: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
