import { DiscoveryService } from '@nestjs/core';
import { Job } from 'bullmq';
import { JobPayload } from './job-payloads';
import { JobName } from './queue-names';

/** A job as its handler sees it: the payload typed by the job name. */
export type TypedJob<N extends JobName> = Job<JobPayload<N>, void, N>;

/** What a `@JobHandler` class implements. */
export interface JobProcessor<N extends JobName = JobName> {
  /**
   * Throwing makes BullMQ retry with backoff (see `isLastAttempt`); a job may run more than once
   * (a retry, or a stalled job picked up again), so handlers must be idempotent.
   */
  process(job: TypedJob<N>): Promise<void>;
}

/** True while the job is on its last allowed attempt: a failure now is final. */
export function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Marks a provider as the one handler of a job name, e.g. `@JobHandler(JobName.DeliverNotification)`.
 * The worker discovers these at boot and refuses to start if a job has none or two.
 */
export const JobHandler = DiscoveryService.createDecorator<JobName>();
