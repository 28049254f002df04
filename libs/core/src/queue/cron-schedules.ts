import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { UK_TIME_ZONE } from '../clock/clock';
import { JobQueues } from './job-queues.service';
import { JOB_QUEUE, JobName } from './queue-names';

/** A repeatable job: its scheduler id, the job, and when (cron, UK time). */
export interface CronSchedule {
  id: string;
  name: JobName;
  pattern: string;
}

/** Daily jobs run on UK time: "6 in the morning" stays 6 across the clock changes. */
export const SCHEDULE_TIME_ZONE = UK_TIME_ZONE;

const ATTEMPT_TIMEOUT_MS = 5000;
const RETRY_MS = 30_000;

/**
 * A library's repeatable jobs, registered when the worker starts (upsert: restarts and several
 * replicas keep one scheduler each). Their handlers read the date from the clock, so a run that
 * comes late or twice does the right thing. Registration never holds up or fails the worker's
 * start: while Redis is unreachable it is retried every 30 s in the background.
 */
export abstract class CronSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Settles when the schedules are registered (tests and tools may wait for it). */
  registered: Promise<void> = Promise.resolve();
  private markRegistered: () => void = () => undefined;

  protected constructor(
    private readonly queues: JobQueues,
    private readonly schedules: readonly CronSchedule[],
  ) {
    this.logger = new Logger(new.target.name);
  }

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
        `schedules not registered yet (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`,
      );
      this.retry = setTimeout(() => void this.attempt(), RETRY_MS);
      this.retry.unref();
    }
  }

  private async upsert(): Promise<void> {
    for (const schedule of this.schedules) {
      await this.queues
        .queue(JOB_QUEUE[schedule.name])
        .upsertJobScheduler(
          schedule.id,
          { pattern: schedule.pattern, tz: SCHEDULE_TIME_ZONE },
          { name: schedule.name, data: { v: 1 } },
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
