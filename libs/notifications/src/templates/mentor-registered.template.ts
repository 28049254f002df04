import { defineTemplate, signInTo } from './notification-template';

/** A mentor registered: a welcome to them, and "new application" to their organisation's coordinators. */
export const mentorRegistered = defineTemplate<Record<string, never>>({
  audiences: ['direct', 'coordinator'],
  render(_data, audience, context) {
    if (audience === 'coordinator') {
      return {
        subject: 'New mentor application',
        body: [
          'Someone has applied to be a volunteer mentor with your organisation.',
          signInTo('review their application and start their checks', context),
        ].join('\n\n'),
      };
    }
    return {
      subject: 'Welcome to Resettle Match',
      body: [
        'Thank you for applying to be a volunteer mentor.',
        'Your organisation will be in touch about the next steps, including the checks we need to do before you start mentoring.',
        signInTo('see how your application is going', context),
      ].join('\n\n'),
      sms: 'Thank you for applying to be a volunteer mentor with Resettle Match. We will be in touch about the next steps.',
    };
  },
});
