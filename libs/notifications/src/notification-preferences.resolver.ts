import { AuthUser, CurrentUser } from '@app/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationPreferencesObject } from './dto/notification-preferences.object';
import { UpdateNotificationPreferencesInput } from './dto/update-notification-preferences.input';
import { NotificationPreferencesService } from './notification-preferences.service';

/** Any signed-in person's own notification preferences. */
@Resolver(() => NotificationPreferencesObject)
export class NotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Query(() => NotificationPreferencesObject)
  async myNotificationPreferences(
    @CurrentUser() user: AuthUser,
  ): Promise<NotificationPreferencesObject> {
    return NotificationPreferencesObject.from(await this.preferences.get(user));
  }

  @Mutation(() => NotificationPreferencesObject)
  async updateNotificationPreferences(
    @CurrentUser() user: AuthUser,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferencesObject> {
    return NotificationPreferencesObject.from(await this.preferences.update(user, input));
  }
}
