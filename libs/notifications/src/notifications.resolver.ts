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
    @Args('after', {
      type: () => ID,
      nullable: true,
      description:
        'The id of the last notification of the previous page: the list continues after it.',
    })
    after: string | null,
  ): Promise<NotificationObject[]> {
    const page = await this.inbox.list(user, unreadOnly ?? false, after ?? null, first ?? 50);
    return page.map(NotificationObject.from);
  }

  @Mutation(() => Int, {
    description: 'Marks all your unread notifications read; how many there were.',
  })
  markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<number> {
    return this.inbox.markAllRead(user);
  }

  @Mutation(() => NotificationObject)
  async markNotificationRead(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Notification')) id: string,
  ): Promise<NotificationObject> {
    return NotificationObject.from(await this.inbox.markRead(user, id));
  }
}
