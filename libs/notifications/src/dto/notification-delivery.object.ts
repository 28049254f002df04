import { Connection } from '@app/core';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Channel } from '../channels/channel';
import { DeliveryStatus } from '../notification-delivery.entity';
import { FailedDeliveryRow } from '../notification-delivery.repository';

registerEnumType(Channel, { name: 'NotificationChannel' });
registerEnumType(DeliveryStatus, { name: 'NotificationDeliveryStatus' });

/** One channel of one notification to one person; what ADMINs see of failed deliveries. */
@ObjectType('NotificationDelivery')
export class NotificationDeliveryObject {
  @Field(() => ID)
  id: string;

  @Field()
  kind: string;

  @Field(() => Channel)
  channel: Channel;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => ID)
  recipientUserId: string;

  @Field(() => Int, { description: 'Failed attempts so far.' })
  failures: number;

  @Field(() => String, { nullable: true, description: "The provider's last error." })
  lastError: string | null;

  @Field({ description: 'When the notification was promised.' })
  createdAt: Date;

  @Field({ description: 'When the delivery last changed (failed, or was retried).' })
  updatedAt: Date;

  static from(row: FailedDeliveryRow): NotificationDeliveryObject {
    return Object.assign(new NotificationDeliveryObject(), {
      id: row.id,
      kind: row.kind,
      channel: row.channel,
      status: row.status,
      recipientUserId: row.userId,
      failures: row.failures,
      lastError: row.lastError,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }
}

@ObjectType('NotificationDeliveryConnection')
export class NotificationDeliveryConnection extends Connection(
  NotificationDeliveryObject,
  'NotificationDelivery',
) {}

@ObjectType('NotificationOutboxStatus', {
  description: 'Health of notification relaying, for ADMINs.',
})
export class NotificationOutboxStatusObject {
  @Field(() => Int, {
    description: 'Committed notifications not yet handed to the queue (grows while Redis is down).',
  })
  unrelayed: number;

  @Field(() => Date, { nullable: true })
  oldestUnrelayedAt: Date | null;

  @Field(() => Int, { description: 'Deliveries that failed for good and await a retry.' })
  failedDeliveries: number;
}
