import { CronSchedules, JobName, JobQueues } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

export const OUTBOX_PURGE_SCHEDULE = 'notification.purge-outbox.daily';

/** The daily purge of finished outbox rows, at OUTBOX_PURGE_CRON. */
@Injectable()
export class NotificationSchedules extends CronSchedules {
  constructor(queues: JobQueues, config: ConfigService) {
    super(queues, [
      {
        id: OUTBOX_PURGE_SCHEDULE,
        name: JobName.PurgeNotificationOutbox,
        pattern: config.getOrThrow<string>('OUTBOX_PURGE_CRON'),
      },
    ]);
  }
}
