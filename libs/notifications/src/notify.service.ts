import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRecipient } from './notification-outbox.entity';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import {
  NOTIFICATION_KINDS,
  NotificationData,
  NotificationKind,
} from './templates/notification-kinds';
import { Audience } from './templates/notification-template';

/**
 * Who a notification is for: a person (`direct` unless said otherwise), or every coordinator of an
 * organisation at the moment of the change (none when the organisation is null), or every member
 * of staff of a prison (by prison code), as the `direct` audience: the prison is the party the
 * event is about (a referral it made).
 */
export type RecipientSelector =
  | { userId: string; audience?: Audience }
  | { coordinatorsOf: string | null }
  | { prisonStaffOf: string };

export interface NotificationRequest<K extends NotificationKind> {
  kind: K;
  recipients: RecipientSelector[];
  data: NotificationData<K>;
  /** Enqueuing twice with one key sends once, e.g. `mentor.registered:<profile id>`. */
  dedupeKey?: string;
}

/**
 * What domain code calls to announce something. `enqueue` writes an outbox row inside the caller's
 * transaction and sends nothing: if the transaction rolls back there is no notification; once it
 * commits, the relay and the worker deliver it exactly once per channel, even if Redis or the
 * worker is down at that moment.
 */
@Injectable()
export class NotifyService {
  constructor(private readonly outbox: NotificationOutboxRepository) {}

  /** Returns the outbox row id, or null when there is no recipient or the dedupe key was used. */
  async enqueue<K extends NotificationKind>(
    manager: EntityManager,
    request: NotificationRequest<K>,
  ): Promise<string | null> {
    const template = NOTIFICATION_KINDS[request.kind];
    if (!template) throw new Error(`unknown notification kind ${String(request.kind)}`);
    const recipients = await this.resolve(manager, request.recipients);
    for (const recipient of recipients) {
      if (!template.audiences.includes(recipient.audience)) {
        throw new Error(`${request.kind} is not sent to a ${recipient.audience} audience`);
      }
    }
    if (recipients.length === 0) return null;
    return this.outbox.insert(manager, {
      kind: request.kind,
      recipients,
      data: request.data as Record<string, unknown>,
      dedupeKey: request.dedupeKey ?? null,
    });
  }

  private async resolve(
    manager: EntityManager,
    selectors: RecipientSelector[],
  ): Promise<OutboxRecipient[]> {
    const recipients = new Map<string, OutboxRecipient>();
    for (const selector of selectors) {
      if ('userId' in selector) {
        if (!recipients.has(selector.userId)) {
          recipients.set(selector.userId, {
            userId: selector.userId,
            audience: selector.audience ?? 'direct',
          });
        }
      } else if ('prisonStaffOf' in selector) {
        for (const userId of await this.outbox.prisonStaffIds(manager, selector.prisonStaffOf)) {
          if (!recipients.has(userId)) recipients.set(userId, { userId, audience: 'direct' });
        }
      } else if (selector.coordinatorsOf) {
        for (const userId of await this.outbox.coordinatorIds(manager, selector.coordinatorsOf)) {
          if (!recipients.has(userId)) recipients.set(userId, { userId, audience: 'coordinator' });
        }
      }
    }
    return [...recipients.values()];
  }
}
