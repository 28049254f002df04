import { accountPasswordChanged } from './account-password-changed.template';
import { accountPasswordReset } from './account-password-reset.template';
import { matchAccepted } from './match-accepted.template';
import { matchDeclined } from './match-declined.template';
import { matchEnded } from './match-ended.template';
import { matchProposed } from './match-proposed.template';
import { matchReleaseReminder } from './match-release-reminder.template';
import { matchWithdrawn } from './match-withdrawn.template';
import { mentorRegistered } from './mentor-registered.template';
import {
  Audience,
  KindChannels,
  NotificationTemplate,
  RenderedNotification,
  TemplateContext,
} from './notification-template';
import { referralAccepted } from './referral-accepted.template';
import { referralClosed } from './referral-closed.template';
import { referralDeclined } from './referral-declined.template';
import { referralMatched } from './referral-matched.template';
import { referralMentorLeft } from './referral-mentor-left.template';
import { referralReceived } from './referral-received.template';
import { referralReleaseDateChanged } from './referral-release-date-changed.template';
import { vettingBarred } from './vetting-barred.template';
import { vettingExpiring } from './vetting-expiring.template';
import { volunteerStatusChanged } from './volunteer-status-changed.template';

/**
 * The registry of notification kinds. Adding a kind is one template file and one line here; its
 * data type then checks every `notify.enqueue` call for that kind. Outbox rows written by an older
 * release keep their data: change a kind's data only in ways its template still reads.
 *
 * A kind goes in-app and, as the person chose, by email and SMS, unless its template says otherwise
 * (`channels`). The account-security kinds (`account.*`) are emailed even to someone who turned
 * email off: they are about the account itself, not news the person opted out of. A password reset
 * link goes by email only: never in-app (anyone reading the inbox could use it), never by SMS.
 */
export const NOTIFICATION_KINDS = {
  'mentor.registered': mentorRegistered,
  'volunteer.status_changed': volunteerStatusChanged,
  'vetting.barred': vettingBarred,
  'vetting.expiring': vettingExpiring,
  'referral.received': referralReceived,
  'referral.accepted': referralAccepted,
  'referral.declined': referralDeclined,
  'referral.matched': referralMatched,
  'referral.mentor_left': referralMentorLeft,
  'match.proposed': matchProposed,
  'match.accepted': matchAccepted,
  'match.declined': matchDeclined,
  'match.withdrawn': matchWithdrawn,
  'match.ended': matchEnded,
  'referral.closed': referralClosed,
  'match.release_reminder': matchReleaseReminder,
  'referral.release_date_changed': referralReleaseDateChanged,
  'account.password_changed': accountPasswordChanged,
  'account.password_reset': accountPasswordReset,
} satisfies Record<string, NotificationTemplate<never>>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** The data a kind's template takes. */
export type NotificationData<K extends NotificationKind> =
  (typeof NOTIFICATION_KINDS)[K] extends NotificationTemplate<infer D> ? D : never;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, kind);
}

/** Where a kind goes, with the defaults filled in (a kind this release does not know: the defaults). */
export function channelsOf(kind: string): Required<KindChannels> {
  const channels: KindChannels = isNotificationKind(kind)
    ? ((NOTIFICATION_KINDS[kind] as NotificationTemplate<unknown>).channels ?? {})
    : {};
  return {
    inApp: channels.inApp ?? true,
    email: channels.email ?? 'preference',
    sms: channels.sms ?? 'preference',
  };
}

/** Kinds whose finished outbox rows are purged early, with how many hours after they were written. */
export function earlyPurgedKinds(): { kind: NotificationKind; hours: number }[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).flatMap((kind) => {
    const hours = (NOTIFICATION_KINDS[kind] as NotificationTemplate<unknown>)
      .purgeFinishedAfterHours;
    return hours === undefined ? [] : [{ kind, hours }];
  });
}

/** Renders a stored outbox row for one audience (throws for a kind this release does not know). */
export function renderNotification(
  kind: string,
  data: unknown,
  audience: Audience,
  context: TemplateContext,
): Required<RenderedNotification> {
  if (!isNotificationKind(kind)) throw new Error(`unknown notification kind ${kind}`);
  const template = NOTIFICATION_KINDS[kind] as NotificationTemplate<unknown>;
  const rendered = template.render(data, audience, context);
  const pointer = context.appUrl
    ? ` Sign in at ${context.appUrl}`
    : ' Sign in to Resettle Match to read it.';
  return { ...rendered, sms: rendered.sms ?? `${rendered.subject}.${pointer}` };
}
