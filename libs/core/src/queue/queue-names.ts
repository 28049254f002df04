/** Every BullMQ queue of the platform. Keys live under `${REDIS_PREFIX}:${queue}:*`. */
export enum QueueName {
  Notifications = 'notifications',
  Vetting = 'vetting',
  /** The public services map (map.refresh). */
  Map = 'map',
  /** Referrals and matches over time (the daily release-day sweep). */
  Matching = 'matching',
}

/**
 * Every job the worker runs. A job name is `<domain>.<verb>`; each has exactly one handler (the
 * worker refuses to start otherwise) and one queue.
 */
export enum JobName {
  DeliverNotification = 'notification.deliver',
  /** Daily: deletes finished notification outbox rows older than OUTBOX_RETENTION_DAYS. */
  PurgeNotificationOutbox = 'notification.purge-outbox',
  /** Daily: marks checks past their re-check date EXPIRED and reminds coordinators 60/30/7 days before. */
  SweepVettingExpiry = 'vetting.sweep-expiry',
  /** Daily: purges disclosure and risk-assessment notes RETENTION_DISCLOSURE_MONTHS after the decision. */
  PurgeVettingNotes = 'vetting.purge-notes',
  /** Rebuilds the public services-map snapshot: debounced after scheme changes, and every 15 minutes. */
  RefreshMap = 'map.refresh',
  /** Daily: makes MATCHED referrals ACTIVE on their release date and reminds mentors 7 and 1 days before. */
  SweepReleaseDays = 'matching.sweep-release-days',
}

/** Which queue carries each job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.PurgeNotificationOutbox]: QueueName.Notifications,
  [JobName.SweepVettingExpiry]: QueueName.Vetting,
  [JobName.PurgeVettingNotes]: QueueName.Vetting,
  [JobName.RefreshMap]: QueueName.Map,
  [JobName.SweepReleaseDays]: QueueName.Matching,
};
