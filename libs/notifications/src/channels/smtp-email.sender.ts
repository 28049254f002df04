import { createTransport, Transporter } from 'nodemailer';
import { Channel, ChannelSender, Destination, OutgoingMessage } from './channel';

/**
 * Email through any SMTP server (SMTP_URL), sent as plain text from MAIL_FROM. The Message-ID is
 * stable per outbox row, recipient and channel, so mail systems can spot a resend.
 */
export class SmtpEmailSender implements ChannelSender {
  readonly channel = Channel.EMAIL;
  readonly provider = 'smtp';
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof createTransport>[0]);
    this.domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'resettle-match.localhost';
  }

  async send(to: Destination, message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: to.email,
      subject: message.subject,
      text: message.body,
      messageId: `<${message.reference}@${this.domain}>`,
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
