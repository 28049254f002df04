import { AuthUser, CurrentUser, EntityId, Role, Roles } from '@app/core';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DeliveryAdminService } from './delivery-admin.service';
import {
  NotificationDeliveryConnection,
  NotificationDeliveryObject,
  NotificationOutboxStatusObject,
} from './dto/notification-delivery.object';

@Resolver(() => NotificationDeliveryObject)
export class DeliveryAdminResolver {
  constructor(private readonly admin: DeliveryAdminService) {}

  @Roles(Role.ADMIN)
  @Query(() => NotificationDeliveryConnection, {
    description: 'Deliveries that failed for good, most recent first.',
  })
  async failedDeliveries(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<NotificationDeliveryConnection> {
    const page = await this.admin.listFailed(first ?? 20, after);
    return {
      ...page,
      edges: page.edges.map((edge) => ({
        ...edge,
        node: NotificationDeliveryObject.from(edge.node),
      })),
    };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => NotificationDeliveryObject, {
    description: 'Tries a FAILED delivery again; it becomes PENDING.',
  })
  async retryDelivery(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Failed delivery')) id: string,
  ): Promise<NotificationDeliveryObject> {
    return NotificationDeliveryObject.from(await this.admin.retry(actor, id));
  }

  @Roles(Role.ADMIN)
  @Query(() => NotificationOutboxStatusObject)
  notificationOutbox(): Promise<NotificationOutboxStatusObject> {
    return this.admin.status();
  }
}
