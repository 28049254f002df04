import { REDIS } from '@app/core';
import { runningWorkers } from '@app/core/queue';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/** Up while at least one worker process has beaten its heartbeat recently. */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async isRunning(key: string) {
    const indicator = this.health.check(key);
    try {
      const running = await runningWorkers(this.redis);
      return running > 0
        ? indicator.up({ running })
        : indicator.down({ running, message: 'no worker has reported in the last 30 s' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
