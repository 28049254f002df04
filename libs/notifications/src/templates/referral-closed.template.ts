import { defineTemplate, signInTo } from './notification-template';

/** The mentoring for a referral ended and the referral is closed: to the referring prison's staff. */
export const referralClosed = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `Mentoring ended (${data.schemeName})`,
      body: [
        `The mentoring ${data.schemeName} provided for one of your prison's referrals has ended, and the referral is closed.`,
        signInTo('see which referral this is', context),
      ].join('\n\n'),
    };
  },
});
