import { defineTemplate, signInTo } from './notification-template';

/**
 * The person a mentor is matched with is released soon (7 days and 1 day before): to the mentor.
 * Through-the-gate schemes meet people at the prison gate, so those reminders say so and name
 * the prison; nothing about the person (no prison number, offence or risk) is ever included.
 */
export const matchReleaseReminder = defineTemplate<{
  matchId: string;
  schemeName: string;
  releaseDate: string;
  /** The threshold reached: 7 or 1. */
  daysBefore: number;
  /** Days left when the reminder was sent (2–7 for the 7-day one when the sweep ran late). */
  daysLeft: number;
  meetAtGate: boolean;
  prisonName: string | null;
}>({
  audiences: ['direct'],
  render(data, _audience, context) {
    const days = typeof data.daysLeft === 'number' ? data.daysLeft : data.daysBefore;
    const when = days === 1 ? 'tomorrow' : typeof days === 'number' ? `in ${days} days` : 'soon';
    const on = data.releaseDate ? ` (${data.releaseDate})` : '';
    const scheme = data.schemeName ?? 'your scheme';
    if (data.meetAtGate) {
      const gate = data.prisonName ? `the gate of ${data.prisonName}` : 'the prison gate';
      return {
        subject: `Meet at the gate ${when}`,
        body: [
          `The person you are mentoring through ${scheme} is released ${when}${on}. Meet them at ${gate} on the day, as arranged with your coordinator.`,
          'Check the time and the meeting point with your coordinator before you go.',
          signInTo('see the details of your match', context),
        ].join('\n\n'),
      };
    }
    return {
      subject: `The person you mentor is released ${when}`,
      body: [
        `The person you are mentoring through ${scheme} is released ${when}${on}.`,
        'Check the plan for your first meeting with your coordinator.',
        signInTo('see the details of your match', context),
      ].join('\n\n'),
    };
  },
});
