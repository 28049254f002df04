import { JobName } from './queue-names';

/**
 * The payload of every job, so enqueuing is type-checked. Payloads carry ids and a schema version
 * `v`, never the data itself: handlers re-read the database. Change a payload by adding a new
 * version and keeping the old one readable until the queue has drained of it.
 */
export interface JobPayloads {
  [JobName.DeliverNotification]: { v: 1; outboxId: string };
  /** Scheduled; works from the clock and the database. */
  [JobName.PurgeNotificationOutbox]: { v: 1 };
  /** Scheduled; the handler works from the clock and the database, so the payload is only a version. */
  [JobName.SweepVettingExpiry]: { v: 1 };
  [JobName.PurgeVettingNotes]: { v: 1 };
  /** Rebuilds from the database whatever triggered it; `trigger` is for logs only. */
  [JobName.RefreshMap]: { v: 1; trigger: 'scheme.changed' | 'schedule' | 'manual' };
  /** Scheduled; works from the clock and the database like the vetting sweep. */
  [JobName.SweepReleaseDays]: { v: 1 };
}

export type JobPayload<N extends JobName> = JobPayloads[N];
