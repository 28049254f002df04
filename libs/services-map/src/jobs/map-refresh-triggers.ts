import { JobName, JobPayload, JobQueues, QueueName } from '@app/core/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MapSnapshotRepository } from '../map-snapshot.repository';

/** The scheduler of the safety-net rebuild, and the deduplication id of the debounced one. */
export const MAP_REFRESH_SCHEDULER_ID = 'map.refresh.every';
export const MAP_REFRESH_DEBOUNCE_ID = 'map.refresh.debounced';

const EVENTS_PER_ROUND = 1000;

/**
 * What starts a rebuild, running in the worker:
 * - committed `scheme_events` rows (scheme.changed), polled every MAP_EVENTS_POLL_MS: each round
 *   that finds some adds one map.refresh delayed by MAP_REFRESH_DEBOUNCE_MS and deduplicated for the
 *   same time (BullMQ throttle-mode deduplication), so any number of changes in that window make
 *   one rebuild, which starts after the last of them was seen. A change seen while a build runs
 *   makes a new job (the window has passed), so no change is left out of the map. Rows are marked
 *   published only after the job was added: if Redis is away they wait in PostgreSQL;
 * - a repeatable job every MAP_REFRESH_EVERY_MS (15 minutes), upserted at start;
 * - one rebuild at start, so a new deployment serves a snapshot at once.
 */
@Injectable()
export class MapRefreshTriggers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MapRefreshTriggers.name);
  private readonly debounceMs: number;
  private readonly everyMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private round: Promise<void> = Promise.resolve();
  private lastProblem = 0;

  constructor(
    private readonly queues: JobQueues,
    private readonly snapshots: MapSnapshotRepository,
    config: ConfigService,
  ) {
    this.debounceMs = Number(config.getOrThrow('MAP_REFRESH_DEBOUNCE_MS'));
    this.everyMs = Number(config.getOrThrow('MAP_REFRESH_EVERY_MS'));
    this.pollMs = Number(config.getOrThrow('MAP_EVENTS_POLL_MS'));
  }

  onApplicationBootstrap(): void {
    void this.schedule();
    this.tick(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** One polling round (exposed for tests and tools); returns how many events it took. */
  async relaySchemeEvents(): Promise<number> {
    const ids = await this.snapshots.unpublishedSchemeEvents(EVENTS_PER_ROUND);
    if (ids.length === 0) return 0;
    await this.requestRefresh('scheme.changed');
    await this.snapshots.markSchemeEventsPublished(ids);
    return ids.length;
  }

  /** Adds the debounced rebuild (at most one per window). */
  async requestRefresh(trigger: JobPayload<JobName.RefreshMap>['trigger']): Promise<void> {
    await this.queues.add(
      JobName.RefreshMap,
      { payload: { v: 1, trigger } },
      {
        delay: this.debounceMs,
        deduplication: { id: MAP_REFRESH_DEBOUNCE_ID, ttl: this.debounceMs },
      },
    );
  }

  private tick(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.relaySchemeEvents()
        .then(() => undefined)
        .catch((error: Error) => this.problem(`scheme events not relayed yet: ${error.message}`))
        .finally(() => this.tick(this.pollMs));
    }, delay);
    this.timer.unref();
  }

  private async schedule(): Promise<void> {
    try {
      const queue = this.queues.queue(QueueName.Map);
      const data: JobPayload<JobName.RefreshMap> = { v: 1, trigger: 'schedule' };
      const registering = queue.upsertJobScheduler(
        MAP_REFRESH_SCHEDULER_ID,
        { every: this.everyMs, immediately: true },
        { name: JobName.RefreshMap, data },
      );
      registering.catch(() => undefined);
      await Promise.race([registering, rejectAfter(5000)]);
    } catch (error) {
      if (this.stopped) return;
      this.problem(
        `map schedule not registered yet (${(error as Error).message}); retrying in 30 s`,
      );
      const retry = setTimeout(() => void this.schedule(), 30_000);
      retry.unref();
    }
  }

  private problem(message: string): void {
    if (Date.now() - this.lastProblem < 10_000) return;
    this.lastProblem = Date.now();
    this.logger.warn(message);
  }
}

function rejectAfter(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
  );
}
