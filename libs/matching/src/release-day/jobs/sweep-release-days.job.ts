import { JobHandler, JobName, JobProcessor } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { ReleaseDay } from '../release-day.service';

/** The daily release-day sweep (payload `{ v: 1 }`: the handler works from the clock and the database). */
@Injectable()
@JobHandler(JobName.SweepReleaseDays)
export class SweepReleaseDaysJob implements JobProcessor<JobName.SweepReleaseDays> {
  constructor(private readonly releaseDay: ReleaseDay) {}

  async process(): Promise<void> {
    await this.releaseDay.sweep();
  }
}
