/** Where a notification can go. In-app is always on; the others follow the person's preferences. */
export enum Channel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

/** A rendered message, as every channel receives it. */
export interface OutgoingMessage {
  /** Stable per outbox row, recipient and channel (a Message-ID, a Notify reference). */
  reference: string;
  subject: string;
  body: string;
  /** Short form for text messages. */
  sms: string;
}

/** The address a channel sends to. */
export interface Destination {
  email: string;
  phoneNumber: string | null;
}

/**
 * One way of sending email or text messages (SMTP, GOV.UK Notify, ...). Swapping providers is a
 * configuration change: `channel-senders.ts` picks them. `send` resolves once the provider has
 * accepted the message and throws otherwise.
 */
export interface ChannelSender {
  readonly channel: Channel.EMAIL | Channel.SMS;
  readonly provider: string;
  send(to: Destination, message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');
