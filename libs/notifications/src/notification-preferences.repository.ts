import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationPreferencesEntity } from './notification-preferences.entity';

export type Preferences = Pick<
  NotificationPreferencesEntity,
  'emailEnabled' | 'smsEnabled' | 'phoneNumber'
>;

export const DEFAULT_PREFERENCES: Preferences = {
  emailEnabled: true,
  smsEnabled: false,
  phoneNumber: null,
};

/** Every query on notification_preferences. */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string): Promise<Preferences> {
    const row = await this.dataSource
      .getRepository(NotificationPreferencesEntity)
      .findOneBy({ userId });
    return row
      ? { emailEnabled: row.emailEnabled, smsEnabled: row.smsEnabled, phoneNumber: row.phoneNumber }
      : DEFAULT_PREFERENCES;
  }

  async save(userId: string, preferences: Preferences): Promise<void> {
    await this.dataSource
      .getRepository(NotificationPreferencesEntity)
      .upsert({ userId, ...preferences }, ['userId']);
  }
}
