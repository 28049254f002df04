import { REDIS } from '@app/core';
import { runningWorkers } from '@app/core/queue';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';

/** As GET /health's Redis ping: a Redis that does not answer in time is down, not waited for. */
const REDIS_TIMEOUT_MS = 1000;

/** Up while at least one worker process has beaten its heartbeat recently. */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async isRunning(key: string) {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const running = await Promise.race([
        runningWorkers(this.redis),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), REDIS_TIMEOUT_MS);
        }),
      ]);
      return running > 0
        ? indicator.up({ running })
        : indicator.down({ running, message: 'no worker has reported in the last 30 s' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
