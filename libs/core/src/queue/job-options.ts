import { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import { redisOptions } from '../redis/redis.options';

/** Tuning read from the environment (see EnvironmentVariables: JOB_*, WORKER_*). */
export interface QueueSettings {
  redisUrl: string;
  prefix: string;
  /** First retry delay; the n-th retry waits delay * 2^(n-1). */
  backoffDelayMs: number;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/** How many failed jobs Redis keeps, and for how long: enough to inspect, never unbounded. */
export const FAILED_JOBS_KEPT = { age: 7 * 24 * 3600, count: 1000 };

/** BullMQ's event stream is trimmed to this many entries (default 10 000); nothing here reads it. */
export const EVENTS_STREAM_MAX_LENGTH = 1000;

/**
 * The house defaults for every job: 3 attempts with exponential backoff, completed jobs removed at
 * once and failed jobs kept for a bounded time, so Redis memory stays flat however many jobs run.
 */
export function defaultJobOptions(
  settings: Pick<QueueSettings, 'backoffDelayMs'>,
): DefaultJobOptions {
  return {
    attempts: 3,
    backoff: { type: 'exponential', delay: settings.backoffDelayMs },
    removeOnComplete: true,
    removeOnFail: FAILED_JOBS_KEPT,
  };
}

/**
 * Connection options for BullMQ. Producers fail fast while Redis is away (the outbox keeps the
 * work); workers block and wait. Reconnection is retried every second up to every 5 s, so a
 * worker resumes within seconds of Redis coming back.
 */
export function queueConnection(url: string, forWorker: boolean): ConnectionOptions {
  const { tls, ...options } = redisOptions(url, forWorker);
  return {
    ...options,
    tls: tls ?? undefined,
    retryStrategy: (times: number) => Math.min(500 * times, 5000),
  } as ConnectionOptions;
}
