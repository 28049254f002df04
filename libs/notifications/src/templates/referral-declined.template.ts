import { defineTemplate, signInTo } from './notification-template';

/** The scheme declined a referral: to the referring prison's staff. The reason stays behind sign-in. */
export const referralDeclined = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `Referral declined by ${data.schemeName}`,
      body: [
        `${data.schemeName} has declined one of your prison's referrals.`,
        signInTo('see the reason and look for another service', context),
      ].join('\n\n'),
    };
  },
});
