import { defineTemplate, signInTo } from './notification-template';

/**
 * A mentoring match ended: to the mentor (direct) or the organisation's coordinators, whoever did
 * not end it. `mentorLeft`: it ended because the mentor was withdrawn or rejected, and the person
 * still needs a mentor.
 */
export const matchEnded = defineTemplate<{
  matchId: string;
  schemeName: string;
  mentorLeft?: boolean;
}>({
  audiences: ['direct', 'coordinator'],
  render(data, audience, context) {
    const what =
      audience !== 'coordinator'
        ? `One of your mentoring matches on ${data.schemeName} has ended. Thank you for the time you gave.`
        : data.mentorLeft
          ? `A mentor on ${data.schemeName} is no longer volunteering, so their match has ended. The person still needs a mentor: please propose another.`
          : `A mentor has ended one of their matches on ${data.schemeName}. Their place is free for a new match.`;
    return {
      subject: `A mentoring match has ended (${data.schemeName})`,
      body: [what, signInTo('see the match', context)].join('\n\n'),
    };
  },
});
