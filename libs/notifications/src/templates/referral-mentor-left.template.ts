import { defineTemplate, signInTo } from './notification-template';

/** A referral's mentor stopped volunteering: to the referring prison's staff, while a new one is found. */
export const referralMentorLeft = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `Mentor no longer available (${data.schemeName})`,
      body: [
        `The mentor matched to one of your prison's referrals to ${data.schemeName} is no longer volunteering. The scheme keeps the place and is finding another mentor.`,
        signInTo('see which referral this is', context),
      ].join('\n\n'),
    };
  },
});
