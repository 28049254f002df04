/** Days before the release date when the mentor is reminded, latest first. */
export const RELEASE_REMINDER_DAYS = [7, 1] as const;
export type ReleaseReminderThreshold = (typeof RELEASE_REMINDER_DAYS)[number];

/**
 * The reminder due when `daysLeft` days remain before release: the nearest threshold reached, so a
 * sweep that runs late (or a match accepted 3 days before) sends the one that fits the day, never
 * a stale one; null on or after the release day, or more than 7 days before it.
 */
export function releaseReminderDue(daysLeft: number): ReleaseReminderThreshold | null {
  if (daysLeft <= 0) return null;
  let due: ReleaseReminderThreshold | null = null;
  for (const threshold of RELEASE_REMINDER_DAYS) if (daysLeft <= threshold) due = threshold;
  return due;
}

/**
 * The dedupe key of one reminder. It carries the release date, so a new date plans a new set of
 * reminders, and a reminder already sent for a date is never sent again for it.
 */
export function releaseReminderKey(
  matchId: string,
  releaseDate: string,
  threshold: ReleaseReminderThreshold,
): string {
  return `match.release_reminder:${matchId}:${releaseDate}:${threshold}d`;
}
