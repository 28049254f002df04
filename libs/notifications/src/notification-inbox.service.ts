import { AuthUser, DomainError, checkPageSize } from '@app/core';
import { Injectable } from '@nestjs/common';
import { NotificationRepository, NotificationRow } from './notification.repository';

/** A person's own in-app notifications: nobody else's are visible, not even to an ADMIN. */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(user: AuthUser, unreadOnly: boolean, first: number): Promise<NotificationRow[]> {
    return this.notifications.listForUser(user.id, unreadOnly, checkPageSize(first));
  }

  /** Someone else's notification is NOT_FOUND, so ids reveal nothing. */
  async markRead(user: AuthUser, id: string): Promise<NotificationRow> {
    const row = await this.notifications.markRead(id, user.id);
    if (!row) throw DomainError.notFound('Notification');
    return row;
  }
}
