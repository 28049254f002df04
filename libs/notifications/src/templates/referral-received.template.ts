import { defineTemplate, signInTo } from './notification-template';

/** A prison referred someone to one of the organisation's schemes: to its coordinators. */
export const referralReceived = defineTemplate<{ referralId: string; schemeName: string }>({
  audiences: ['coordinator'],
  render(data, _audience, context) {
    return {
      subject: `New referral to ${data.schemeName}`,
      body: [
        `A prison has referred someone to ${data.schemeName}.`,
        signInTo('read the referral and accept or decline it', context),
      ].join('\n\n'),
    };
  },
});
