import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

  /**
   * The person's preferences, their row created with the defaults if missing and locked until the
   * caller's transaction ends, so two updates at once apply one after the other.
   */
  async lock(manager: EntityManager, userId: string): Promise<Preferences> {
    await manager.query(
      `INSERT INTO notification_preferences (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`,
      [userId],
    );
    const [row]: { email_enabled: boolean; sms_enabled: boolean; phone_number: string | null }[] =
      await manager.query(
        `SELECT email_enabled, sms_enabled, phone_number FROM notification_preferences
         WHERE user_id = $1 FOR UPDATE`,
        [userId],
      );
    return {
      emailEnabled: row.email_enabled,
      smsEnabled: row.sms_enabled,
      phoneNumber: row.phone_number,
    };
  }

  async save(manager: EntityManager, userId: string, preferences: Preferences): Promise<void> {
    await manager.getRepository(NotificationPreferencesEntity).update({ userId }, preferences);
  }
}
