import { defineTemplate, signInTo } from './notification-template';

/** A mentor accepted the match for a referral: to the referring prison's staff. */
export const referralMatched = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `Mentor matched (${data.schemeName})`,
      body: [
        `${data.schemeName} has matched a mentor to one of your prison's referrals.`,
        signInTo('see which referral this is', context),
      ].join('\n\n'),
    };
  },
});
