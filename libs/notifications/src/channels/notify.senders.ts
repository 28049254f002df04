import { NotifyClient } from 'notifications-node-client';
import { Channel, ChannelSender, Destination, OutgoingMessage } from './channel';

/** GOV.UK Notify's error body, reduced to its messages (never the personalisation we sent). */
function notifyError(error: unknown): Error {
  const response = (
    error as {
      response?: { status?: number; data?: { errors?: { error: string; message: string }[] } };
    }
  ).response;
  if (!response) return error instanceof Error ? error : new Error(String(error));
  const detail =
    response.data?.errors?.map((e) => `${e.error}: ${e.message}`).join('; ') ?? 'no details';
  return new Error(`GOV.UK Notify answered ${response.status}: ${detail}`);
}

/** A Notify client for the production API, or for NOTIFY_BASE_URL when given (a proxy or a stub). */
export function notifyClient(apiKey: string, baseUrl?: string): NotifyClient {
  return baseUrl ? new NotifyClient(baseUrl, apiKey) : new NotifyClient(apiKey);
}

/** Email through GOV.UK Notify: one template whose subject is ((subject)) and body ((body)). */
export class NotifyEmailSender implements ChannelSender {
  readonly channel = Channel.EMAIL;
  readonly provider = 'govuk-notify';

  constructor(
    private readonly client: NotifyClient,
    private readonly templateId: string,
  ) {}

  async send(to: Destination, message: OutgoingMessage): Promise<void> {
    await this.client
      .sendEmail(this.templateId, to.email, {
        personalisation: { subject: message.subject, body: message.body },
        reference: message.reference,
      })
      .catch((error: unknown) => {
        throw notifyError(error);
      });
  }
}

/** Text messages through GOV.UK Notify: one template whose body is ((body)). */
export class NotifySmsSender implements ChannelSender {
  readonly channel = Channel.SMS;
  readonly provider = 'govuk-notify';

  constructor(
    private readonly client: NotifyClient,
    private readonly templateId: string,
  ) {}

  async send(to: Destination, message: OutgoingMessage): Promise<void> {
    if (!to.phoneNumber) throw new Error('no phone number');
    await this.client
      .sendSms(this.templateId, to.phoneNumber, {
        personalisation: { body: message.sms },
        reference: message.reference,
      })
      .catch((error: unknown) => {
        throw notifyError(error);
      });
  }
}
