import { defineTemplate } from './notification-template';

/**
 * The referral behind a proposal waiting for the mentor was withdrawn by the prison: to the mentor,
 * so they stop thinking about it. Nothing to do, so no sign-in prompt.
 */
export const matchWithdrawn = defineTemplate<{ matchId: string; schemeName: string }>({
  audiences: ['direct'],
  render(data) {
    return {
      subject: `A match proposal was withdrawn (${data.schemeName})`,
      body: `The person you were proposed to mentor on ${data.schemeName} no longer needs a mentor through this referral. There is nothing you need to do.`,
    };
  },
});
