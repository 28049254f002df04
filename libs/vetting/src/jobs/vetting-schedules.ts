import { CronSchedules, JobName, JobQueues } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** The daily vetting jobs (re-check reminders and expiry; the notes purge), at VETTING_JOBS_CRON. */
@Injectable()
export class VettingSchedules extends CronSchedules {
  constructor(queues: JobQueues, config: ConfigService) {
    const pattern = config.getOrThrow<string>('VETTING_JOBS_CRON');
    super(queues, [
      { id: 'vetting.sweep-expiry.daily', name: JobName.SweepVettingExpiry, pattern },
      { id: 'vetting.purge-notes.daily', name: JobName.PurgeVettingNotes, pattern },
    ]);
  }
}
