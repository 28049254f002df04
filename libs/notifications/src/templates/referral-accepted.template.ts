import { defineTemplate, signInTo } from './notification-template';

/** The scheme accepted a referral: to the referring prison's staff. */
export const referralAccepted = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `Referral accepted by ${data.schemeName}`,
      body: [
        `${data.schemeName} has accepted one of your prison's referrals and will look for a mentor.`,
        signInTo('see which referral this is', context),
      ].join('\n\n'),
    };
  },
});
