import { AuthUser, DomainError, checkPageSize } from '@app/core';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { NotificationRepository, NotificationRow } from './notification.repository';

/** A person's own in-app notifications: nobody else's are visible, not even to an ADMIN. */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly notifications: NotificationRepository) {}

  /** A page of the inbox; `after` is the id of the last notification of the previous page. */
  async list(
    user: AuthUser,
    unreadOnly: boolean,
    after: string | null,
    first: number,
  ): Promise<NotificationRow[]> {
    const limit = checkPageSize(first);
    if (after === null) return this.notifications.listForUser(user.id, unreadOnly, null, limit);
    const position = isUUID(after) ? await this.notifications.positionOf(user.id, after) : null;
    if (!position)
      throw DomainError.badInput('after', 'is not the id of a notification in your list');
    return this.notifications.listForUser(user.id, unreadOnly, position, limit);
  }

  markAllRead(user: AuthUser): Promise<number> {
    return this.notifications.markAllRead(user.id);
  }

  /** Someone else's notification is NOT_FOUND, so ids reveal nothing. */
  async markRead(user: AuthUser, id: string): Promise<NotificationRow> {
    const row = await this.notifications.markRead(id, user.id);
    if (!row) throw DomainError.notFound('Notification');
    return row;
  }
}
