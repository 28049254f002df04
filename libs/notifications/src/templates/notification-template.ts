/**
 * In which capacity a recipient gets a notification: `direct` is the person the event is about
 * (the mentor), `coordinator` a coordinator of that person's organisation.
 */
export type Audience = 'direct' | 'coordinator';

/** What every channel is built from: plain language, nothing sensitive. */
export interface RenderedNotification {
  subject: string;
  body: string;
  /** For text messages; the subject and a pointer to the app when absent. */
  sms?: string;
}

export interface TemplateContext {
  /** Where people sign in (APP_URL), or null when not configured. */
  appUrl: string | null;
}

/**
 * Where a kind goes, when not the usual: in-app always, email and text messages as the person
 * chose (`updateNotificationPreferences`). Only account-security messages should need this.
 */
export interface KindChannels {
  /** false: never written to the in-app inbox (its content must not sit where anyone signed in reads it). */
  inApp?: boolean;
  /** 'always': sent whatever the person's email preference (an account-security message). */
  email?: 'preference' | 'always';
  /** 'never': never by text message. */
  sms?: 'preference' | 'never';
}

/**
 * The wording of one kind of notification. Templates see only their own `data`, which must never
 * hold anything sensitive: no offences, prison numbers, vetting notes, reasons or postcodes. Email
 * and text messages say that something happened and point to the app; details stay behind sign-in.
 */
export interface NotificationTemplate<D> {
  /** Audiences this kind may be sent to; enqueue refuses any other. */
  audiences: readonly Audience[];
  /**
   * Omitted: in-app always, email and SMS per the person's preferences. A kind with email as its only
   * channel is marked FAILED (not dropped) when no email provider is configured.
   */
  channels?: KindChannels;
  /**
   * Finished outbox rows of this kind are purged by the daily purge once older than this many hours
   * (so up to a day later than that, as the purge runs daily), instead of after
   * OUTBOX_RETENTION_DAYS: for data that must not be kept (a reset link). Such a kind must not rely
   * on its dedupe key for longer than this.
   */
  purgeFinishedAfterHours?: number;
  render(data: D, audience: Audience, context: TemplateContext): RenderedNotification;
}

/** Declares a template with its data type, e.g. `defineTemplate<{ status: VolunteerStatus }>({...})`. */
export function defineTemplate<D>(template: NotificationTemplate<D>): NotificationTemplate<D> {
  return template;
}

/** "Sign in to Resettle Match at https://… to …" */
export function signInTo(action: string, context: TemplateContext): string {
  const where = context.appUrl ? `Resettle Match at ${context.appUrl}` : 'Resettle Match';
  return `Sign in to ${where} to ${action}.`;
}
