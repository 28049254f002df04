import { addMonths } from '@app/core';
import { VettingCheckKind, VettingCheckStatus, countsOn } from './clearance';

/**
 * How long a check counts before it must be done again (our policy; README.md). DBS follows the
 * organisation's `dbsRecheckYears`; prison security clearance is renewed every 3 years; identity and
 * references are taken once at recruitment; a conviction risk assessment counts with the DBS check
 * it follows (a new disclosure needs a new assessment), so it has no date of its own.
 */
export const RECHECK_YEARS: Readonly<Record<VettingCheckKind, 'organisation' | number | null>> = {
  [VettingCheckKind.DBS]: 'organisation',
  [VettingCheckKind.PRISON_SECURITY]: 3,
  [VettingCheckKind.IDENTITY]: null,
  [VettingCheckKind.REFERENCE]: null,
  [VettingCheckKind.CONVICTION_RISK_ASSESSMENT]: null,
};

/** Outcomes that count towards clearance, and so have a re-check date and can expire. */
export const COUNTING_OUTCOMES: ReadonlySet<VettingCheckStatus> = new Set([
  VettingCheckStatus.CLEAR,
  VettingCheckStatus.DISCLOSURE,
]);

/** Days before the re-check date when coordinators are reminded, latest first. */
export const REMINDER_DAYS = [60, 30, 7] as const;
export type ReminderThreshold = (typeof REMINDER_DAYS)[number];

/**
 * The re-check date of a decided check: its issue date (for DBS, the certificate's) plus the
 * period for its kind; null when the kind or the outcome never expires. A BARRED outcome never
 * expires, so the bar can never lapse.
 */
export function recheckDate(
  kind: VettingCheckKind,
  outcome: VettingCheckStatus,
  issuedOn: string,
  dbsRecheckYears: number,
): string | null {
  if (!COUNTING_OUTCOMES.has(outcome)) return null;
  const years = RECHECK_YEARS[kind];
  if (years === null) return null;
  return addMonths(issuedOn, 12 * (years === 'organisation' ? dbsRecheckYears : years));
}

/** What a check shows: its outcome, or EXPIRED once its re-check date has passed. */
export function currentStatus(
  outcome: VettingCheckStatus,
  expiresOn: string | null,
  today: string,
): VettingCheckStatus {
  return countsOn(expiresOn, today) ? outcome : VettingCheckStatus.EXPIRED;
}

/**
 * The reminder due when `daysLeft` days remain before the re-check date: the nearest threshold
 * reached, so a job that runs late sends the reminder that fits the day (30 days left: the 30-day
 * one, not a stale 60-day one). On the re-check date itself (0 left) the check still counts, so a
 * 7-day reminder not yet sent still goes; null when none is due or the date has passed.
 */
export function reminderDue(daysLeft: number): ReminderThreshold | null {
  if (daysLeft < 0) return null;
  let due: ReminderThreshold | null = null;
  for (const threshold of REMINDER_DAYS) if (daysLeft <= threshold) due = threshold;
  return due;
}
