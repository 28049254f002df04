import { AuthUser, DomainError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UpdateNotificationPreferencesInput } from './dto/update-notification-preferences.input';
import {
  NotificationPreferencesRepository,
  Preferences,
} from './notification-preferences.repository';
import { ukMobileE164 } from './phone-number';

/** How each person wants to hear from us: email and text messages on or off; in-app always on. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferencesRepository,
  ) {}

  get(user: AuthUser): Promise<Preferences> {
    return this.preferences.find(user.id);
  }

  /** Only the fields given change; the row is locked meanwhile, so concurrent updates both apply. */
  update(user: AuthUser, input: UpdateNotificationPreferencesInput): Promise<Preferences> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.preferences.lock(manager, user.id);
      const next: Preferences = { ...current };
      if (input.emailEnabled !== undefined) next.emailEnabled = input.emailEnabled;
      if (input.phoneNumber === null || input.phoneNumber?.trim() === '') {
        next.phoneNumber = null;
        next.smsEnabled = false;
      } else if (input.phoneNumber !== undefined) {
        const e164 = ukMobileE164(input.phoneNumber);
        if (!e164)
          throw DomainError.badInput(
            'input.phoneNumber',
            'must be a UK mobile number, e.g. 07400 123456',
          );
        next.phoneNumber = e164;
      }
      if (input.smsEnabled !== undefined) {
        if (input.smsEnabled && !next.phoneNumber) {
          throw DomainError.badInput('input.smsEnabled', 'needs a mobile number; add phoneNumber');
        }
        next.smsEnabled = input.smsEnabled;
      }
      await this.preferences.save(manager, user.id, next);
      return next;
    });
  }
}
