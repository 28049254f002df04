import { QueueModule } from '@app/core/queue';
import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CHANNEL_SENDERS, ChannelSender } from './channels/channel';
import { channelSenders } from './channels/channel-senders';
import { DeliverNotificationJob } from './jobs/deliver-notification.job';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { OutboxRelay } from './relay/outbox-relay.service';

/** Closes provider connections (the SMTP pool) after the workers have finished their jobs. */
@Injectable()
class ChannelSendersCloser implements OnApplicationShutdown {
  constructor(@Inject(CHANNEL_SENDERS) private readonly senders: ChannelSender[]) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.senders.map((sender) => sender.close?.() ?? Promise.resolve()));
  }
}

/** The worker side: the outbox relay and the delivery job, with the configured providers. */
@Module({
  imports: [QueueModule],
  providers: [
    { provide: CHANNEL_SENDERS, inject: [ConfigService], useFactory: channelSenders },
    ChannelSendersCloser,
    NotificationOutboxRepository,
    NotificationDeliveryRepository,
    OutboxRelay,
    DeliverNotificationJob,
  ],
  exports: [OutboxRelay],
})
export class NotificationsWorkerModule {}
