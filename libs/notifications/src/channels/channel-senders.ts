import { ConfigService } from '@nestjs/config';
import { ChannelSender } from './channel';
import { NotifyEmailSender, NotifySmsSender, notifyClient } from './notify.senders';
import { SmtpEmailSender } from './smtp-email.sender';

/**
 * The providers in use, from configuration: GOV.UK Notify for email and SMS when NOTIFY_API_KEY is
 * set; otherwise SMTP for email when SMTP_URL is set (and no SMS); otherwise in-app only.
 */
export function channelSenders(config: ConfigService): ChannelSender[] {
  const apiKey = config.get<string>('NOTIFY_API_KEY');
  if (apiKey) {
    const client = notifyClient(apiKey, config.get<string>('NOTIFY_BASE_URL'));
    return [
      new NotifyEmailSender(client, config.getOrThrow<string>('NOTIFY_TEMPLATE_EMAIL')),
      new NotifySmsSender(client, config.getOrThrow<string>('NOTIFY_TEMPLATE_SMS')),
    ];
  }
  const smtpUrl = config.get<string>('SMTP_URL');
  if (smtpUrl) return [new SmtpEmailSender(smtpUrl, config.getOrThrow<string>('MAIL_FROM'))];
  return [];
}
