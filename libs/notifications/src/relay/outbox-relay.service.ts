import { JobName, JobQueues, QueueName } from '@app/core/queue';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NotificationDeliveryRepository } from '../notification-delivery.repository';
import {
  NotificationOutboxRepository,
  OUTBOX_CHANNEL,
  outboxJobId,
} from '../notification-outbox.repository';
import { OutboxRowCache } from './outbox-row-cache';

/** Rounds of automatic relaying before an unfinished row is given up (and shown to an ADMIN). */
const MAX_AUTOMATIC_ROUNDS = 3;

/**
 * Moves committed outbox rows to the `notifications` queue. It runs in the worker process (one or
 * more replicas: rows are claimed with SKIP LOCKED) and wakes on the NOTIFY each outbox write sends
 * at commit, so a healthy relay queues a notification within milliseconds; it also polls every
 * OUTBOX_RELAY_POLL_MS in case a NOTIFY was missed.
 *
 * While Redis is unreachable nothing is marked relayed: rows wait in PostgreSQL, the backlog (rows
 * not yet relayed, and the oldest one's age) is logged every 10 s and can be read by ADMINs
 * (`notificationOutbox`), and relaying resumes on its own when Redis answers again. The job id is
 * the outbox id, so relaying a row twice (a crash between queueing and marking) queues one job.
 *
 * The rows it claims are read whole and left in this process's OutboxRowCache, so the delivery jobs
 * that follow need not read them again; only the job id goes to Redis.
 *
 * Every minute it also looks for rows relayed long ago and never finished, whose job Redis lost
 * (a restart without persistence) or gave up on (stalled too often), and relays them again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly redriveAfterMs: number;
  private readonly databaseUrl: string;
  private listener: Client | null = null;
  private stopped = false;
  private woken = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private failingSince: number | null = null;
  private lastProblemLog = 0;
  private lastRedrive = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutboxRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly queues: JobQueues,
    private readonly cache: OutboxRowCache,
    config: ConfigService,
  ) {
    this.pollMs = Number(config.getOrThrow('OUTBOX_RELAY_POLL_MS'));
    this.batchSize = Number(config.getOrThrow('OUTBOX_RELAY_BATCH_SIZE'));
    this.redriveAfterMs = Number(config.getOrThrow('OUTBOX_REDRIVE_AFTER_MS'));
    this.databaseUrl = config.getOrThrow<string>('DATABASE_URL');
  }

  onApplicationBootstrap(): void {
    void this.listen();
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays everything committed so far; returns how many rows it queued. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < this.batchSize || this.stopped) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.relayPending();
        if (this.failingSince !== null) {
          this.logger.log(
            `relaying again after ${Math.round((Date.now() - this.failingSince) / 1000)} s`,
          );
          this.failingSince = null;
        }
        await this.redriveIfDue();
      } catch (error) {
        await this.reportProblem(error as Error);
      }
      await this.sleep(this.pollMs);
    }
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Marked relayed at once; if queueing fails the transaction rolls back and they wait.
      const rows = await this.outbox.claimUnrelayed(manager, this.batchSize);
      if (rows.length === 0) return 0;
      // Before queueing: a job may start before this transaction commits.
      this.cache.add(rows);
      await this.queues.addBulk(
        JobName.DeliverNotification,
        rows.map((row) => ({
          payload: { v: 1 as const, outboxId: row.id },
          jobId: outboxJobId(row.id, row.round),
        })),
      );
      return rows.length;
    });
  }

  private async redriveIfDue(): Promise<void> {
    if (Date.now() - this.lastRedrive < 60_000) return;
    this.lastRedrive = Date.now();
    const stale = await this.outbox.unfinishedRelayedBefore(
      new Date(Date.now() - this.redriveAfterMs),
      100,
    );
    const queue = this.queues.queue(QueueName.Notifications);
    for (const row of stale) {
      const job = await queue.getJob(outboxJobId(row.id, row.round));
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing') {
        this.logger.warn(`notification ${row.id}: its job is gone from Redis; relaying it again`);
        await this.dataSource.transaction((manager) => this.outbox.relayAgain(manager, row.id));
      } else if (state === 'failed' && row.round + 1 < MAX_AUTOMATIC_ROUNDS) {
        this.logger.warn(`notification ${row.id}: its job failed unfinished; relaying it again`);
        await this.dataSource.transaction((manager) => this.outbox.relayAgain(manager, row.id));
      } else if (state === 'failed') {
        await this.deliveries.failUnfinished(
          row.id,
          `gave up after ${MAX_AUTOMATIC_ROUNDS} rounds: ${job?.failedReason ?? ''}`,
        );
      } else {
        await this.outbox.touchRelayed(row.id);
      }
    }
  }

  private async reportProblem(error: Error): Promise<void> {
    this.failingSince ??= Date.now();
    if (Date.now() - this.lastProblemLog < 10_000) return;
    this.lastProblemLog = Date.now();
    const backlog = await this.outbox.backlog().catch(() => null);
    const age = backlog?.oldestUnrelayedAt
      ? Math.round((Date.now() - backlog.oldestUnrelayedAt.getTime()) / 1000)
      : 0;
    this.logger.warn(
      { backlog: backlog?.unrelayed, oldestSeconds: age },
      `cannot relay notifications (${error.message}); ${backlog?.unrelayed ?? '?'} waiting, oldest ${age} s`,
    );
  }

  /** Waits for the poll interval, or less when a NOTIFY arrives (or arrived while relaying). */
  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        self.wake = null;
        self.woken = false;
        resolve();
      }
      this.wake = done;
    });
  }

  private notified(): void {
    if (this.wake) this.wake();
    else this.woken = true;
  }

  /** A dedicated connection LISTENing for outbox writes; reconnects after a second if it drops. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl });
    this.listener = client;
    let retried = false;
    const retry = () => {
      if (retried) return;
      retried = true;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen(), 1000);
    };
    client.on('notification', () => this.notified());
    client.on('error', retry);
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.notified();
    } catch {
      retry();
    }
  }
}
