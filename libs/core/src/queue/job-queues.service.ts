import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JobsOptions, Queue } from 'bullmq';
import {
  EVENTS_STREAM_MAX_LENGTH,
  QueueSettings,
  defaultJobOptions,
  queueConnection,
} from './job-options';
import { JobPayload } from './job-payloads';
import { JOB_QUEUE, JobName, QueueName } from './queue-names';
import { queueSettings } from './queue-settings';

/** One job to add: its payload and, only where deduplication is intended, a job id. */
export interface NewJob<N extends JobName> {
  payload: JobPayload<N>;
  jobId?: string;
}

/** A producer call that did not answer in time (Redis away or still connecting). */
export class QueueUnavailableError extends Error {
  constructor(queue: QueueName, timeoutMs: number) {
    super(`queue ${queue} did not answer within ${timeoutMs} ms`);
    this.name = 'QueueUnavailableError';
  }
}

/**
 * The producer side of BullMQ: one `Queue` per queue name, created on first use, with the house
 * default job options. Calls fail fast while Redis is unreachable instead of waiting for it, so a
 * caller (the outbox relay) can keep its work and try again.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueues.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly settings: QueueSettings;
  private lastErrorLog = 0;

  constructor(config: ConfigService) {
    this.settings = queueSettings(config);
  }

  /** The BullMQ queue itself (for dashboards and counts). */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: queueConnection(this.settings.redisUrl, false),
        prefix: this.settings.prefix,
        defaultJobOptions: defaultJobOptions(this.settings),
        streams: { events: { maxLen: EVENTS_STREAM_MAX_LENGTH } },
      });
      queue.on('error', (error) => this.logConnectionError(name, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds one job; type-checked against JobPayloads. */
  async add<N extends JobName>(
    name: N,
    job: NewJob<N>,
    options: JobsOptions = {},
    timeoutMs = 5000,
  ): Promise<void> {
    await this.addBulk(name, [job], options, timeoutMs);
  }

  /** Adds jobs of one name in one round trip. A job whose id already exists is left as it is. */
  async addBulk<N extends JobName>(
    name: N,
    jobs: NewJob<N>[],
    options: JobsOptions = {},
    timeoutMs = 5000,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const queueName = JOB_QUEUE[name];
    const queue = this.queue(queueName);
    const adding = queue.addBulk(
      jobs.map((job) => ({ name, data: job.payload, opts: { ...options, jobId: job.jobId } })),
    );
    // A queue that never connected waits for Redis indefinitely; the caller must not.
    adding.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(queueName, timeoutMs)), timeoutMs);
    });
    try {
      await Promise.race([adding, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
    this.queues.clear();
  }

  private logConnectionError(queue: QueueName, error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.warn(`queue ${queue}: ${error.message}`);
  }
}
