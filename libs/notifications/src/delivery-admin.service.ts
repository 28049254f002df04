import {
  AuditService,
  AuthUser,
  DomainError,
  Page,
  checkPageSize,
  decodeCursor,
  toPage,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  FailedDeliveryRow,
  NotificationDeliveryRepository,
} from './notification-delivery.repository';
import { NotificationOutboxRepository, OutboxBacklog } from './notification-outbox.repository';

/** What ADMINs do about deliveries that failed for good: list them, retry them, watch the backlog. */
@Injectable()
export class DeliveryAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly outbox: NotificationOutboxRepository,
    private readonly audit: AuditService,
  ) {}

  /** Most recently failed first. */
  async listFailed(
    first: number,
    after: string | null | undefined,
  ): Promise<Page<FailedDeliveryRow>> {
    const size = checkPageSize(first);
    const { rows, totalCount } = await this.deliveries.listFailed(size, decodeCursor(after));
    // The cursor is the (failed at, id) of the last row.
    const keyed = rows.map((row) => ({ createdAt: row.updatedAt, id: row.id, row }));
    return toPage(keyed, size, totalCount, (entry) => entry.row);
  }

  /**
   * Reopens a FAILED delivery and hands its notification to the relay again (a new job round);
   * the worker then tries that channel once more, with the usual attempts, and skips the rest.
   */
  async retry(actor: AuthUser, id: string): Promise<FailedDeliveryRow> {
    await this.dataSource.transaction(async (manager) => {
      const failed = await this.deliveries.lockFailed(manager, id);
      if (!failed) throw DomainError.notFound('Failed delivery');
      await this.deliveries.reopen(manager, id);
      await this.outbox.relayAgain(manager, failed.outboxId);
      await this.audit.record(manager, {
        actorUserId: actor.id,
        action: 'notification.delivery_retried',
        entityType: 'notification_delivery',
        entityId: id,
      });
    });
    const row = await this.deliveries.findById(id);
    if (!row) throw DomainError.notFound('Failed delivery');
    return row;
  }

  async status(): Promise<OutboxBacklog & { failedDeliveries: number }> {
    const [backlog, failedDeliveries] = await Promise.all([
      this.outbox.backlog(),
      this.deliveries.countFailed(),
    ]);
    return { ...backlog, failedDeliveries };
  }
}
