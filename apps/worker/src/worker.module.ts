import { AppConfigModule, AuditModule, DatabaseModule, LoggingModule, RedisModule } from '@app/core';
import { Module } from '@nestjs/common';

/** The worker: domain job modules only (their processors), no HTTP. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, RedisModule, AuditModule],
})
export class WorkerModule {}
