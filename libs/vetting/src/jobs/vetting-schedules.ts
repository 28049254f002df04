import { JobName, JobPayload, JobQueues, QueueName } from '@app/core/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

/** The repeatable vetting jobs: scheduler id → job. */
export const VETTING_SCHEDULES: readonly {
  id: string;
  name: JobName.SweepVettingExpiry | JobName.PurgeVettingNotes;
}[] = [
  { id: 'vetting.sweep-expiry.daily', name: JobName.SweepVettingExpiry },
  { id: 'vetting.purge-notes.daily', name: JobName.PurgeVettingNotes },
];

export const VETTING_TIME_ZONE = 'Europe/London';

const ATTEMPT_TIMEOUT_MS = 5000;
const RETRY_MS = 30_000;

/**
 * Registers the daily vetting jobs when the worker starts (upsert: restarts and several replicas
 * keep one scheduler each). The handlers read the date from the clock, so a run that comes late
 * or twice does the right thing. Registration never holds up or fails the worker's start: while
 * Redis is unreachable it is retried every 30 s in the background.
 */
@Injectable()
export class VettingSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VettingSchedules.name);
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Settles when the schedules are registered (tests and tools may wait for it). */
  registered: Promise<void> = Promise.resolve();
  private markRegistered: () => void = () => undefined;

  constructor(
    private readonly queues: JobQueues,
    private readonly config: ConfigService,
  ) {}

  onApplicationBootstrap(): void {
    this.registered = new Promise((resolve) => (this.markRegistered = resolve));
    void this.attempt();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    try {
      await withTimeout(this.upsert(), ATTEMPT_TIMEOUT_MS);
      this.markRegistered();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(
        `vetting schedules not registered yet (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`,
      );
      this.retry = setTimeout(() => void this.attempt(), RETRY_MS);
      this.retry.unref();
    }
  }

  private async upsert(): Promise<void> {
    const pattern = this.config.getOrThrow<string>('VETTING_JOBS_CRON');
    const queue = this.queues.queue(QueueName.Vetting);
    for (const schedule of VETTING_SCHEDULES) {
      const data: JobPayload<typeof schedule.name> = { v: 1 };
      await queue.upsertJobScheduler(
        schedule.id,
        { pattern, tz: VETTING_TIME_ZONE },
        { name: schedule.name, data },
      );
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  // A queue that never connected waits for Redis indefinitely; the attempt must not.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
