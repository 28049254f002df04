import { defineTemplate, signInTo } from './notification-template';

/** The mentor declined a proposed match: to the organisation's coordinators, who can propose another. */
export const matchDeclined = defineTemplate<{ matchId: string; schemeName: string }>({
  audiences: ['coordinator'],
  render(data, _audience, context) {
    return {
      subject: `A mentor declined a match (${data.schemeName})`,
      body: [
        `A mentor has declined the match you proposed on ${data.schemeName}; the referral is waiting for another mentor.`,
        signInTo('see the suggestions', context),
      ].join('\n\n'),
    };
  },
});
