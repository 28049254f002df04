import { defineTemplate, signInTo } from './notification-template';

/** A mentoring match ended: to the mentor (direct) or the organisation's coordinators, whoever did not end it. */
export const matchEnded = defineTemplate<{ matchId: string; schemeName: string }>({
  audiences: ['direct', 'coordinator'],
  render(data, audience, context) {
    const what =
      audience === 'coordinator'
        ? `A mentor has ended one of their matches on ${data.schemeName}. Their place is free for a new match.`
        : `One of your mentoring matches on ${data.schemeName} has ended. Thank you for the time you gave.`;
    return {
      subject: `A mentoring match has ended (${data.schemeName})`,
      body: [what, signInTo('see the match', context)].join('\n\n'),
    };
  },
});
