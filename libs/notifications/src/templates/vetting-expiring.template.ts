import { defineTemplate, signInTo } from './notification-template';

const CHECK_WORDS: Record<string, string> = {
  DBS: 'DBS check',
  PRISON_SECURITY: 'prison security clearance',
};

/**
 * A volunteer's check reaches its re-check date in 60, 30 or 7 days: to the organisation's
 * coordinators. Says which kind of check and when, naming no one.
 */
export const vettingExpiring = defineTemplate<{
  kind: string;
  expiresOn: string;
  daysBefore: number;
}>({
  audiences: ['coordinator'],
  render(data, _audience, context) {
    const check = CHECK_WORDS[data.kind] ?? 'vetting check';
    const when =
      typeof data.daysBefore === 'number' && data.expiresOn
        ? `in ${data.daysBefore} days (${data.expiresOn})`
        : 'soon';
    return {
      subject: `A volunteer's ${check} needs renewing ${typeof data.daysBefore === 'number' ? `in ${data.daysBefore} days` : 'soon'}`,
      body: [
        `A volunteer's ${check} reaches its re-check date ${when}. After that date it no longer counts towards their clearance.`,
        'Renew it with a DBS Update Service status check where the certificate is subscribed, or request a new check.',
        signInTo('see which volunteer this is', context),
      ].join('\n\n'),
    };
  },
});
