import { NotifyModule } from '@app/notifications';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { OutboxHealthIndicator } from './outbox.health';
import { RedisHealthIndicator } from './redis.health';
import { WorkerHealthIndicator } from './worker.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), NotifyModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, WorkerHealthIndicator, OutboxHealthIndicator],
})
export class HealthModule {}
