import { JobHandler, JobName, JobProcessor } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { VettingExpiry } from '../vetting-expiry.service';

/** The daily re-check sweep (payload `{ v: 1 }`: the handler works from the clock and the database). */
@Injectable()
@JobHandler(JobName.SweepVettingExpiry)
export class SweepVettingExpiryJob implements JobProcessor<JobName.SweepVettingExpiry> {
  constructor(private readonly expiry: VettingExpiry) {}

  async process(): Promise<void> {
    await this.expiry.sweep();
  }
}
