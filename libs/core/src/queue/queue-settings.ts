import { ConfigService } from '@nestjs/config';
import { QueueSettings } from './job-options';

/** The queue settings from validated configuration. */
export function queueSettings(config: ConfigService): QueueSettings {
  return {
    redisUrl: config.getOrThrow<string>('REDIS_URL'),
    prefix: config.getOrThrow<string>('REDIS_PREFIX'),
    backoffDelayMs: Number(config.getOrThrow('JOB_BACKOFF_DELAY_MS')),
    concurrency: Number(config.getOrThrow('WORKER_CONCURRENCY')),
    lockDurationMs: Number(config.getOrThrow('JOB_LOCK_DURATION_MS')),
    stalledIntervalMs: Number(config.getOrThrow('JOB_STALLED_INTERVAL_MS')),
  };
}
