import { Module } from '@nestjs/common';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { NotifyService } from './notify.service';

/** What domain modules import to announce things: `NotifyService.enqueue(manager, ...)`. */
@Module({
  providers: [NotifyService, NotificationOutboxRepository],
  exports: [NotifyService, NotificationOutboxRepository],
})
export class NotifyModule {}
