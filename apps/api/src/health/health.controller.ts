import { Public } from '@app/core';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { OutboxHealthIndicator } from './outbox.health';
import { RedisHealthIndicator } from './redis.health';
import { WorkerHealthIndicator } from './worker.health';

/** `GET /health`: 200 when PostgreSQL and Redis answer, 503 otherwise (for load balancers). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly workers: WorkerHealthIndicator,
    private readonly outbox: OutboxHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.isHealthy('redis'),
    ]);
  }

  /**
   * `GET /health/worker`: 200 while a worker process runs and notifications flow (none waiting over
   * a minute to be relayed), 503 otherwise. For monitoring, not for the API's load balancer: the
   * API serves requests whatever the worker does (notifications wait in the outbox).
   */
  @Public()
  @Get('worker')
  @HealthCheck()
  worker() {
    return this.health.check([
      () => this.workers.isRunning('worker'),
      () => this.outbox.isFlowing('outbox'),
    ]);
  }
}
