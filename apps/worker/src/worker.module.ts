import {
  AppConfigModule,
  AuditModule,
  DatabaseModule,
  LoggingModule,
  RedisModule,
} from '@app/core';
import { QueueModule, QueueWorkerModule } from '@app/core/queue';
import { MatchingWorkerModule } from '@app/matching';
import { NotificationsWorkerModule } from '@app/notifications';
import { ServicesMapWorkerModule } from '@app/services-map';
import { VettingWorkerModule } from '@app/vetting';
import { Module } from '@nestjs/common';

/**
 * The worker: domain job modules only (their processors), no HTTP. QueueWorkerModule runs every
 * `@JobHandler` and refuses to start unless each job name has exactly one. The notifications outbox
 * relay runs here too (NotificationsWorkerModule): the API only writes PostgreSQL.
 */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    AuditModule,
    QueueModule,
    NotificationsWorkerModule,
    VettingWorkerModule,
    MatchingWorkerModule,
    ServicesMapWorkerModule,
    QueueWorkerModule,
  ],
})
export class WorkerModule {}
