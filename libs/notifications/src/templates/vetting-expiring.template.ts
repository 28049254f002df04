import { defineTemplate, signInTo } from './notification-template';

const CHECK_WORDS: Record<string, string> = {
  DBS: 'DBS check',
  PRISON_SECURITY: 'prison security clearance',
};

const WHEN_WORDS: Record<number, string> = { 0: 'today', 1: 'tomorrow' };

/**
 * A volunteer's check reaches its re-check date within 60, 30 or 7 days: to the organisation's
 * coordinators. Says which kind of check and when, naming no one. `daysLeft` is the true count on
 * the day it was sent (a reminder first sent 45 days before says 45; one sent late on the date
 * itself, the last day the check counts, says "today"); rows written before it existed say their
 * threshold.
 */
export const vettingExpiring = defineTemplate<{
  kind: string;
  expiresOn: string;
  daysBefore: number;
  daysLeft?: number;
}>({
  audiences: ['coordinator'],
  render(data, _audience, context) {
    const check = CHECK_WORDS[data.kind] ?? 'vetting check';
    const days = typeof data.daysLeft === 'number' ? data.daysLeft : data.daysBefore;
    const inDays = typeof days === 'number' ? (WHEN_WORDS[days] ?? `in ${days} days`) : 'soon';
    const when =
      typeof days === 'number' && data.expiresOn ? `${inDays} (${data.expiresOn})` : inDays;
    return {
      subject: `A volunteer's ${check} needs renewing ${inDays}`,
      body: [
        `A volunteer's ${check} reaches its re-check date ${when}. After that date it no longer counts towards their clearance.`,
        'Renew it with a DBS Update Service status check where the certificate is subscribed, or request a new check.',
        signInTo('see which volunteer this is', context),
      ].join('\n\n'),
    };
  },
});
