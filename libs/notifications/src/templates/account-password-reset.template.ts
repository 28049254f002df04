import { defineTemplate } from './notification-template';

/**
 * A password reset link, asked for with requestPasswordReset. `url` holds the single-use token:
 * the one notification whose data is a secret. It goes by email only (never in-app, where anyone
 * reading the inbox could use it, never by SMS) and whatever the person's email preference, and
 * its finished outbox row is purged by the daily purge once over a day old, so within two days of
 * being written (the link stops working within the hour, PASSWORD_RESET_TOKEN_TTL_MINUTES, at most a
 * day). Without an email provider it is marked FAILED for ADMINs, not dropped (see
 * DeliverNotificationJob).
 */
export const accountPasswordReset = defineTemplate<{ url: string; expiresInMinutes: number }>({
  audiences: ['direct'],
  channels: { inApp: false, email: 'always', sms: 'never' },
  purgeFinishedAfterHours: 24,
  render(data) {
    return {
      subject: 'Reset your Resettle Match password',
      body: [
        'Someone asked to reset the password of your Resettle Match account.',
        `To choose a new password, open this link within ${data.expiresInMinutes} minutes. It works once:`,
        data.url,
        "If this wasn't you, you can ignore this email: your password has not changed.",
      ].join('\n\n'),
    };
  },
});
