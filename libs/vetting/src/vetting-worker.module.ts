import { ClockModule } from '@app/core';
import { QueueModule } from '@app/core/queue';
import { NotifyModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { PurgeVettingNotesJob } from './jobs/purge-vetting-notes.job';
import { SweepVettingExpiryJob } from './jobs/sweep-vetting-expiry.job';
import { VettingSchedules } from './jobs/vetting-schedules';
import { NotesRetention } from './notes-retention.service';
import { VettingCheckRepository } from './vetting-check.repository';
import { VettingExpiry } from './vetting-expiry.service';

/** The worker side of vetting: the daily re-check sweep and notes purge, and their schedules. */
@Module({
  imports: [ClockModule, QueueModule, NotifyModule],
  providers: [
    VettingCheckRepository,
    VettingExpiry,
    NotesRetention,
    SweepVettingExpiryJob,
    PurgeVettingNotesJob,
    VettingSchedules,
  ],
  exports: [VettingExpiry, NotesRetention],
})
export class VettingWorkerModule {}
