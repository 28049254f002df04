import { QueueModule } from '@app/core/queue';
import { Module } from '@nestjs/common';
import { MapRefreshTriggers } from './jobs/map-refresh-triggers';
import { RefreshMapJob } from './jobs/refresh-map.job';
import { MapSnapshotBuilder } from './map-snapshot.builder';
import { MapSnapshotCache } from './map-snapshot.cache';
import { MapSnapshotRepository } from './map-snapshot.repository';

/** The worker side: map.refresh and what triggers it (scheme_events, the 15-minute schedule). */
@Module({
  imports: [QueueModule],
  providers: [
    MapSnapshotRepository,
    MapSnapshotCache,
    MapSnapshotBuilder,
    RefreshMapJob,
    MapRefreshTriggers,
  ],
  exports: [MapSnapshotBuilder, MapRefreshTriggers],
})
export class ServicesMapWorkerModule {}
