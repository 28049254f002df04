import { Field, ObjectType } from '@nestjs/graphql';
import { Preferences } from '../notification-preferences.repository';

@ObjectType('NotificationPreferences', { description: 'In-app notifications are always on.' })
export class NotificationPreferencesObject {
  @Field()
  emailEnabled: boolean;

  @Field()
  smsEnabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'UK mobile number in E.164, e.g. +447700900123.',
  })
  phoneNumber: string | null;

  static from(preferences: Preferences): NotificationPreferencesObject {
    return Object.assign(new NotificationPreferencesObject(), preferences);
  }
}
