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
    await this.redis.zadd(HEARTBEATS_KEY, Date.now(), this.member).catch(() => undefined);
  }
}

/** How many worker processes have beaten within WORKER_STALE_AFTER_MS (older beats are dropped). */
export async function runningWorkers(redis: Redis, now = Date.now()): Promise<number> {
  await redis.zremrangebyscore(HEARTBEATS_KEY, '-inf', now - WORKER_STALE_AFTER_MS);
  return redis.zcard(HEARTBEATS_KEY);
}
