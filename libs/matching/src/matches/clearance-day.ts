/**
 * The day a mentor's clearance is judged for a referral: its release date, or today once that date
 * has passed. A check must still count when the relationship starts (a check expiring before
 * release does not), and a released person's new mentor must be cleared now, not on a past day.
 * Never earlier than today, and later for a later release date, so "not cleared on the earliest
 * clearance day" still means "not cleared on any" (the assignment screen relies on it).
 */
export function clearanceDay(releaseDate: string, today: string): string {
  return releaseDate > today ? releaseDate : today;
}
