import { VolunteerStatus } from '@app/core';
import { defineTemplate, signInTo } from './notification-template';

/** What each status means for the mentor, in plain words. Reasons are never included. */
const STATUS_WORDS: Record<VolunteerStatus, string> = {
  [VolunteerStatus.APPLIED]: 'We have received your application.',
  [VolunteerStatus.VETTING]:
    'Your organisation has started the checks we need before you can start mentoring. They will contact you if they need anything from you.',
  [VolunteerStatus.APPROVED]:
    'Your application has been approved. Your organisation will be in touch about what happens next.',
  [VolunteerStatus.ACTIVE]:
    'You are now an active mentor. We will let you know when there is someone for you to meet.',
  [VolunteerStatus.PAUSED]:
    'Your mentoring is paused for now. You will not be offered anyone new to mentor while it is paused.',
  [VolunteerStatus.WITHDRAWN]: 'Your application has been withdrawn.',
  [VolunteerStatus.REJECTED]:
    'Your organisation has decided not to take your application further. They can tell you more.',
};

/** A coordinator changed a mentor's status: to the mentor. */
export const volunteerStatusChanged = defineTemplate<{ status: VolunteerStatus }>({
  audiences: ['direct'],
  render({ status }, _audience, context) {
    return {
      subject: 'An update on your mentor application',
      body: [
        STATUS_WORDS[status] ?? 'There is an update on your application.',
        signInTo('see the details', context),
      ].join('\n\n'),
    };
  },
});
