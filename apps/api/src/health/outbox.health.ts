import { NotificationOutboxRepository } from '@app/notifications';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * A healthy relay hands committed notifications to the queue within a second; one still waiting
 * after a minute means the relay is stalled (no worker, or Redis away) and people are not being told.
 */
export const OUTBOX_STALLED_AFTER_MS = 60_000;

/** Down when the oldest notification not yet relayed is older than OUTBOX_STALLED_AFTER_MS. */
@Injectable()
export class OutboxHealthIndicator {
  constructor(
    private readonly outbox: NotificationOutboxRepository,
    private readonly health: HealthIndicatorService,
  ) {}

  async isFlowing(key: string, now = Date.now()) {
    const indicator = this.health.check(key);
    const { unrelayed, oldestUnrelayedAt } = await this.outbox.backlog();
    const waitingMs = oldestUnrelayedAt ? now - oldestUnrelayedAt.getTime() : 0;
    const details = { unrelayed, oldestUnrelayedAt };
    return waitingMs > OUTBOX_STALLED_AFTER_MS
      ? indicator.down({
          ...details,
          message: 'notifications have waited over a minute to be relayed',
        })
      : indicator.up(details);
  }
}
