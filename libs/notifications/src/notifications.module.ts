import { AuthModule } from '@app/auth';
import { QueueModule } from '@app/core/queue';
import { Module } from '@nestjs/common';
import { QueueDashboard } from './dashboard/queue-dashboard';
import { DeliveryAdminResolver } from './delivery-admin.resolver';
import { DeliveryAdminService } from './delivery-admin.service';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationPreferencesResolver } from './notification-preferences.resolver';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationRepository } from './notification.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotifyModule } from './notify.module';

/**
 * The API side: people's notifications and preferences, ADMINs' failed deliveries and the queue
 * dashboard. It only writes PostgreSQL; the worker (NotificationsWorkerModule) sends.
 */
@Module({
  imports: [NotifyModule, QueueModule, AuthModule],
  providers: [
    NotificationRepository,
    NotificationPreferencesRepository,
    NotificationDeliveryRepository,
    NotificationInboxService,
    NotificationPreferencesService,
    DeliveryAdminService,
    NotificationsResolver,
    NotificationPreferencesResolver,
    DeliveryAdminResolver,
    QueueDashboard,
  ],
  exports: [NotifyModule],
})
export class NotificationsModule {}
