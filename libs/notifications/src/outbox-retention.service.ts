import { Clock } from '@app/core';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { earlyPurgedKinds } from './templates/notification-kinds';

const BATCH = 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Outbox rows are only needed until they are finished (and a while after, to look into a
 * problem), so finished rows are deleted OUTBOX_RETENTION_DAYS after they were written, with their
 * email and SMS delivery records (a FAILED one then leaves ADMINs' failed list). People's in-app
 * notifications stay: they do not depend on the outbox row. Unfinished rows are never purged.
 * Kinds whose data must not be kept (a password reset link) are purged sooner, once finished and
 * older than their template's `purgeFinishedAfterHours`.
 * Idempotent, and in small transactions so it never holds many locks.
 */
@Injectable()
export class OutboxRetention {
  private readonly logger = new Logger(OutboxRetention.name);
  private readonly days: number;

  constructor(
    private readonly outbox: NotificationOutboxRepository,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.days = Number(config.getOrThrow('OUTBOX_RETENTION_DAYS'));
  }

  /** Returns how many rows were deleted. */
  async purge(): Promise<number> {
    const now = this.clock.now().getTime();
    let purged = 0;
    const early = earlyPurgedKinds().map(({ kind, hours }) => ({
      kind,
      before: new Date(now - hours * 3600 * 1000),
    }));
    for (const { kind, before } of [
      ...early,
      { kind: null, before: new Date(now - this.days * DAY_MS) },
    ]) {
      for (;;) {
        const batch = await this.outbox.purgeFinished(before, BATCH, kind);
        purged += batch;
        if (batch < BATCH) break;
      }
    }
    if (purged > 0)
      this.logger.log(
        `purged ${purged} finished notifications (older than ${this.days} days, or of a kind kept less)`,
      );
    return purged;
  }
}
