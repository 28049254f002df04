import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { JobHandler, JobProcessor } from './job-handler';
import { QueueSettings, queueConnection } from './job-options';
import { JOB_QUEUE, JobName, QueueName } from './queue-names';
import { queueSettings } from './queue-settings';

/**
 * Every handler for every job name, or why not: each JobName needs exactly one `@JobHandler`.
 * Pure so it can be tested without Nest.
 */
export function checkJobHandlers(found: { job: JobName; handler: string }[]): string[] {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const handlers = found.filter((entry) => entry.job === job).map((entry) => entry.handler);
    if (handlers.length === 0) problems.push(`job ${job} has no handler`);
    if (handlers.length > 1)
      problems.push(`job ${job} has ${handlers.length} handlers: ${handlers.join(', ')}`);
  }
  return problems;
}

/**
 * The consumer side, used by apps/worker only: finds the `@JobHandler` providers, refuses to start
 * unless every job name has exactly one, then runs one BullMQ worker per queue. On shutdown the
 * workers stop taking jobs and wait for those in flight up to WORKER_SHUTDOWN_GRACE_MS; jobs still
 * running after that keep their lock until it expires and are then picked up again as stalled.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly settings: QueueSettings;
  private readonly graceMs: number;
  private readonly handlers = new Map<string, JobProcessor>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    config: ConfigService,
  ) {
    this.settings = queueSettings(config);
    this.graceMs = Number(config.getOrThrow('WORKER_SHUTDOWN_GRACE_MS'));
  }

  onApplicationBootstrap(): void {
    const found = this.discovery
      .getProviders({ metadataKey: JobHandler.KEY })
      .map((wrapper) => ({
        wrapper,
        job: this.discovery.getMetadataByDecorator(JobHandler, wrapper),
      }))
      .filter((entry): entry is typeof entry & { job: JobName } => entry.job !== undefined);
    const problems = checkJobHandlers(
      found.map(({ job, wrapper }) => ({ job, handler: String(wrapper.name) })),
    );
    if (problems.length > 0) throw new Error(`Worker cannot start: ${problems.join('; ')}`);
    for (const { job, wrapper } of found) this.handlers.set(job, wrapper.instance as JobProcessor);
    for (const queue of new Set(Object.values(JOB_QUEUE)))
      this.workers.push(this.startWorker(queue));
    this.logger.log(`processing ${this.handlers.size} job names on ${this.workers.length} queues`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => this.closeWorker(worker)));
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker(queue, (job: Job) => this.dispatch(job), {
      connection: queueConnection(this.settings.redisUrl, true),
      prefix: this.settings.prefix,
      concurrency: this.settings.concurrency,
      lockDuration: this.settings.lockDurationMs,
      stalledInterval: this.settings.stalledIntervalMs,
      maxStalledCount: 2,
    });
    let lastErrorLog = 0;
    worker.on('error', (error) => {
      if (Date.now() - lastErrorLog < 10_000) return;
      lastErrorLog = Date.now();
      this.logger.warn(`worker ${queue}: ${error.message}`);
    });
    worker.on('stalled', (jobId) =>
      this.logger.warn(`job ${jobId} on ${queue} stalled; it will run again`),
    );
    return worker;
  }

  private dispatch(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
    return handler.process(job as never);
  }

  private async closeWorker(worker: Worker): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const graceful = worker.close().then(() => 'closed' as const);
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.graceMs);
    });
    const outcome = await Promise.race([graceful, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.logger.warn(
        `worker ${worker.name}: jobs still running after ${this.graceMs} ms; releasing them`,
      );
      await worker.close(true).catch(() => undefined);
    }
  }
}
