import { defineTemplate, signInTo } from './notification-template';

/** A coordinator proposed the mentor for someone leaving prison: to the mentor. */
export const matchProposed = defineTemplate<{
  matchId: string;
  schemeName: string;
  releaseDate: string;
}>({
  audiences: ['direct'],
  render(data, _audience, context) {
    return {
      subject: `You have been proposed as a mentor (${data.schemeName})`,
      body: [
        `Your coordinator at ${data.schemeName} would like you to mentor someone who is released on ${data.releaseDate}.`,
        signInTo('read the proposal and accept or decline it', context),
      ].join('\n\n'),
    };
  },
});
