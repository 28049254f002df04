import { defineTemplate, signInTo } from './notification-template';

/**
 * The referring prison changed a release date (HDC granted, parole decided, recall): to the
 * mentor of the referral's match, if any, and to the organisation's coordinators. The mentor's
 * reminders are re-planned for the new date (by the daily sweep).
 */
export const referralReleaseDateChanged = defineTemplate<{
  referralId: string;
  schemeName: string;
  releaseDate: string;
  meetAtGate: boolean;
  prisonName: string | null;
}>({
  audiences: ['direct', 'coordinator'],
  render(data, audience, context) {
    const scheme = data.schemeName ?? 'the scheme';
    const date = data.releaseDate ? ` to ${data.releaseDate}` : '';
    if (audience === 'coordinator') {
      return {
        subject: `A release date has changed (${scheme})`,
        body: [
          `A prison has changed the release date of one of the referrals to ${scheme}${date}.`,
          signInTo('see which referral this is', context),
        ].join('\n\n'),
      };
    }
    const gate = data.meetAtGate
      ? ` You will meet them at ${data.prisonName ? `the gate of ${data.prisonName}` : 'the prison gate'} on the new date.`
      : '';
    return {
      subject: 'The release date of the person you mentor has changed',
      body: [
        `The release date of the person you are mentoring through ${scheme} has changed${date}.${gate}`,
        signInTo('see the details of your match', context),
      ].join('\n\n'),
    };
  },
});
