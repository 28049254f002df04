import { ClockModule } from '@app/core';
import { QueueModule } from '@app/core/queue';
import { NotifyModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { ReleaseDaySchedules } from './release-day/jobs/release-day-schedules';
import { SweepReleaseDaysJob } from './release-day/jobs/sweep-release-days.job';
import { ReleaseDayRepository } from './release-day/release-day.repository';
import { ReleaseDay } from './release-day/release-day.service';

/** The worker side of matching: the daily release-day sweep and its schedule. */
@Module({
  imports: [ClockModule, QueueModule, NotifyModule],
  providers: [ReleaseDayRepository, ReleaseDay, SweepReleaseDaysJob, ReleaseDaySchedules],
  exports: [ReleaseDay],
})
export class MatchingWorkerModule {}
