import { AuthUser, DomainError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { UpdateNotificationPreferencesInput } from './dto/update-notification-preferences.input';
import {
  NotificationPreferencesRepository,
  Preferences,
} from './notification-preferences.repository';
import { ukMobileE164 } from './phone-number';

/** How each person wants to hear from us: email and text messages on or off; in-app always on. */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  get(user: AuthUser): Promise<Preferences> {
    return this.preferences.find(user.id);
  }

  async update(user: AuthUser, input: UpdateNotificationPreferencesInput): Promise<Preferences> {
    const current = await this.preferences.find(user.id);
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
          'must be a UK mobile number, e.g. 07700 900123',
        );
      next.phoneNumber = e164;
    }
    if (input.smsEnabled !== undefined) {
      if (input.smsEnabled && !next.phoneNumber) {
        throw DomainError.badInput('input.smsEnabled', 'needs a mobile number; add phoneNumber');
      }
      next.smsEnabled = input.smsEnabled;
    }
    await this.preferences.save(user.id, next);
    return next;
  }
}
