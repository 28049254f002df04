import { ClockModule } from '@app/core';
import { QueueModule } from '@app/core/queue';
import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel';
import { channelSenders } from './channels/channel-senders';
import { DeliverNotificationJob } from './jobs/deliver-notification.job';
import { NotificationSchedules } from './jobs/notification-schedules';
import { PurgeOutboxJob } from './jobs/purge-outbox.job';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { OutboxRetention } from './outbox-retention.service';
import { OutboxRelay } from './relay/outbox-relay.service';
import { OutboxRowCache } from './relay/outbox-row-cache';

/** Closes provider connections (the SMTP pool) after the workers have finished their jobs. */
@Injectable()
class ChannelSendersCloser implements OnApplicationShutdown {
  constructor(@Inject(CHANNEL_SENDERS) private readonly senders: ChannelSender[]) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.senders.map((sender) => sender.close?.() ?? Promise.resolve()));
  }
}

/**
 * The worker side: the outbox relay and the delivery job, with the configured providers, and the
 * daily purge of finished outbox rows.
 */
@Module({
  imports: [ClockModule, QueueModule],
  providers: [
    { provide: CHANNEL_SENDERS, inject: [ConfigService], useFactory: channelSenders },
    ChannelSendersCloser,
    NotificationOutboxRepository,
    NotificationDeliveryRepository,
    {
      provide: OutboxRowCache,
      inject: [CHANNEL_SENDERS],
      useFactory: (senders: ChannelSender[]) => new OutboxRowCache(senders.length === 0),
    },
    OutboxRelay,
    DeliverNotificationJob,
    OutboxRetention,
    PurgeOutboxJob,
    NotificationSchedules,
  ],
  exports: [OutboxRelay, OutboxRetention, NotificationSchedules],
})
export class NotificationsWorkerModule {}
