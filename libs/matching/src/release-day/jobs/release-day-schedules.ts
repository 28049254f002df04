import { CronSchedules, JobName, JobQueues } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** The daily release-day sweep (MATCHED → ACTIVE, the mentor's reminders), at RELEASE_DAY_JOBS_CRON. */
@Injectable()
export class ReleaseDaySchedules extends CronSchedules {
  constructor(queues: JobQueues, config: ConfigService) {
    super(queues, [
      {
        id: 'matching.sweep-release-days.daily',
        name: JobName.SweepReleaseDays,
        pattern: config.getOrThrow<string>('RELEASE_DAY_JOBS_CRON'),
      },
    ]);
  }
}
