import { JobHandler, JobName, JobProcessor } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { NotesRetention } from '../notes-retention.service';

/** The daily notes purge (payload `{ v: 1 }`: the handler works from the clock and the database). */
@Injectable()
@JobHandler(JobName.PurgeVettingNotes)
export class PurgeVettingNotesJob implements JobProcessor<JobName.PurgeVettingNotes> {
  constructor(private readonly retention: NotesRetention) {}

  async process(): Promise<void> {
    await this.retention.purge();
  }
}
