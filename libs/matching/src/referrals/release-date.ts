import { DomainError, addMonths, isIsoDate } from '@app/core';

/** How far ahead a release date may be when referring (issue #6). */
export const MAX_MONTHS_AHEAD = 24;

/** Today or later, within two years; otherwise BAD_USER_INPUT on `field`. */
export function checkReleaseDate(releaseDate: string, today: string, field: string): string {
  if (!isIsoDate(releaseDate)) throw DomainError.badInput(field, 'is not a calendar date');
  if (releaseDate < today) throw DomainError.badInput(field, 'must be today or later');
  const latest = addMonths(today, MAX_MONTHS_AHEAD);
  if (releaseDate > latest)
    throw DomainError.badInput(field, `must be within two years (by ${latest})`);
  return releaseDate;
}
