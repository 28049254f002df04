import { JobHandler, JobName, JobProcessor } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { OutboxRetention } from '../outbox-retention.service';

/** The daily outbox purge (payload `{ v: 1 }`: the handler works from the clock and the database). */
@Injectable()
@JobHandler(JobName.PurgeNotificationOutbox)
export class PurgeOutboxJob implements JobProcessor<JobName.PurgeNotificationOutbox> {
  constructor(private readonly retention: OutboxRetention) {}

  async process(): Promise<void> {
    await this.retention.purge();
  }
}
