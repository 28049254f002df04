import { defineTemplate, signInTo } from './notification-template';

/** The mentor accepted a proposed match: to the organisation's coordinators. */
export const matchAccepted = defineTemplate<{ matchId: string; schemeName: string }>({
  audiences: ['coordinator'],
  render(data, _audience, context) {
    return {
      subject: `A mentor accepted a match (${data.schemeName})`,
      body: [
        `A mentor has accepted the match you proposed on ${data.schemeName}.`,
        signInTo('see the match', context),
      ].join('\n\n'),
    };
  },
});
