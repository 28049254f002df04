/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a day. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years a YYYY-MM-DD date can name; a result outside them has no such form. */
const FIRST_YEAR = 0;
const LAST_YEAR = 9999;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A UTC midnight for the given year, month (0-based, may overflow) and day. Unlike Date.UTC, which
 * reads years 0–99 as 1900–1999, the year is taken as given (setUTCFullYear).
 */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

/**
 * YYYY-MM-DD for a UTC date. toISOString() writes years past 9999 as "+010000-…", which is no
 * calendar date: such a result (and any before year 0) is a RangeError, so callers bound their inputs.
 */
function formatIsoDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(
      `date out of range: year ${year} is not between ${FIRST_YEAR} and ${LAST_YEAR}`,
    );
  }
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** Adds whole months; a day past the end of the target month lands on its last day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = utcDate(year, month - 1 + months, 1);
  const lastDay = utcDate(target.getUTCFullYear(), target.getUTCMonth() + 1, 0).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return formatIsoDate(target);
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return formatIsoDate(utcDate(year, month - 1, day + days));
}
