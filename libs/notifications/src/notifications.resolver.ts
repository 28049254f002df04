import { AuthUser, CurrentUser, EntityId } from '@app/core';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationObject } from './dto/notification.object';
import { NotificationInboxService } from './notification-inbox.service';

/** Any signed-in person's own notifications. */
@Resolver(() => NotificationObject)
export class NotificationsResolver {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Query(() => [NotificationObject], { description: 'Your notifications, newest first.' })
  async myNotifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false })
    unreadOnly: boolean | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: 50,
      description: 'At most 100.',
    })
    first: number | null,
  ): Promise<NotificationObject[]> {
    return (await this.inbox.list(user, unreadOnly ?? false, first ?? 50)).map(
      NotificationObject.from,
    );
  }

  @Mutation(() => NotificationObject)
  async markNotificationRead(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Notification')) id: string,
  ): Promise<NotificationObject> {
    return NotificationObject.from(await this.inbox.markRead(user, id));
  }
}
