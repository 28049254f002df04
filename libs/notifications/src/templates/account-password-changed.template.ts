import { defineTemplate } from './notification-template';

/**
 * The account's password was changed (changePassword) or reset with an emailed link
 * (resetPassword). Says nothing else: no password, no link, no address it was done from. Email
 * goes even to someone who turned email off (see the registry): if it was not them, they are
 * signed out everywhere and may not be able to sign in to read it in the app.
 */
export const accountPasswordChanged = defineTemplate<Record<string, never>>({
  audiences: ['direct'],
  channels: { email: 'always' },
  render() {
    return {
      subject: 'Your password was changed',
      body: "Your password was changed. If this wasn't you, contact your coordinator.",
      sms: "Your Resettle Match password was changed. If this wasn't you, contact your coordinator.",
    };
  },
});
