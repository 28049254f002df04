import { JobHandler, JobName, JobProcessor } from '@app/core/queue';
import { Injectable } from '@nestjs/common';
import { MapSnapshotBuilder } from '../map-snapshot.builder';

/**
 * `map.refresh` (payload `{ v: 1, trigger }`): rebuilds from the database, so it is idempotent and
 * any number of triggers collapse into one up-to-date build.
 */
@Injectable()
@JobHandler(JobName.RefreshMap)
export class RefreshMapJob implements JobProcessor<JobName.RefreshMap> {
  constructor(private readonly builder: MapSnapshotBuilder) {}

  async process(): Promise<void> {
    await this.builder.refresh();
  }
}
