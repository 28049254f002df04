import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { REDIS } from '../redis/redis.module';

/** A sorted set: one member per running worker process, scored by its last beat (ms). */
const HEARTBEATS_KEY = 'worker-heartbeats';
const BEAT_EVERY_MS = 10_000;
/** Three missed beats and a worker no longer counts as running. */
export const WORKER_STALE_AFTER_MS = 3 * BEAT_EVERY_MS;

/**
 * Tells the API's `/health/worker` that this worker process runs: a beat in Redis every 10 s,
 * taken back when the process stops cleanly (a killed one drops out after 30 s).
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  // Host and pid say which process; the random part keeps two workers in one process apart.
  private readonly member = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), BEAT_EVERY_MS).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.zrem(HEARTBEATS_KEY, this.member).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    // With Redis away the queues stop too; /health/worker then reports Redis, not a beat.
    try {
      await this.redis.zadd(HEARTBEATS_KEY, await redisNow(this.redis), this.member);
    } catch {
      // the next beat tries again
    }
  }
}

/**
 * Redis's clock in ms: beats are stamped and judged by the one clock every process shares, so a
 * worker or API host whose own clock is off by more than WORKER_STALE_AFTER_MS neither hides
 * running workers nor deletes their beats.
 */
async function redisNow(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** How many worker processes have beaten within WORKER_STALE_AFTER_MS (older beats are dropped). */
export async function runningWorkers(redis: Redis, now?: number): Promise<number> {
  const at = now ?? (await redisNow(redis));
  await redis.zremrangebyscore(HEARTBEATS_KEY, '-inf', at - WORKER_STALE_AFTER_MS);
  return redis.zcard(HEARTBEATS_KEY);
}
