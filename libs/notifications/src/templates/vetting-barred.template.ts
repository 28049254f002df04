import { defineTemplate, signInTo } from './notification-template';

/**
 * A DBS check came back BARRED: to the organisation's coordinators, at once. It names no one and
 * no list; the details are behind sign-in.
 */
export const vettingBarred = defineTemplate<{ checkId: string }>({
  audiences: ['coordinator'],
  render(_data, _audience, context) {
    return {
      subject: 'Urgent: a DBS check result needs your attention',
      body: [
        'A DBS check for one of your volunteers shows that they are on a barred list that was checked.',
        'They must not be placed in any role that requires that barred list to be checked: knowingly placing a barred person in regulated activity is an offence.',
        signInTo('see which volunteer this is and review their roles', context),
      ].join('\n\n'),
      sms: 'Urgent: a DBS check result needs your attention. Sign in to Resettle Match today.',
    };
  },
});
