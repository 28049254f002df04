import { JobHandler, JobName, JobProcessor, TypedJob, isLastAttempt } from '@app/core/queue';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CHANNEL_SENDERS, Channel, ChannelSender, OutgoingMessage } from '../channels/channel';
import { DeliveryStatus } from '../notification-delivery.entity';
import {
  DeliveryContext,
  DeliveryOutcome,
  NotificationDeliveryRepository,
  RecipientAddress,
  deliveryKey,
} from '../notification-delivery.repository';
import { renderNotification } from '../templates/notification-kinds';
import { Audience, TemplateContext } from '../templates/notification-template';
import { GroupBatcher } from './group-batcher';

/** Batches of reads (and of writes) that may be in flight at once, so jobs keep PostgreSQL busy. */
const BATCHES_IN_FLIGHT = 4;

/**
 * Delivers one outbox row: renders its template for each recipient and sends it on every channel
 * the recipient has enabled (in-app always; email and text messages per their preferences and the
 * providers configured). Channels already DELIVERED (or FAILED, awaiting an ADMIN) are skipped, so
 * a retried or repeated job never delivers twice. In-app notifications are written together with
 * their delivery row, so they are exactly once even if the worker dies; an email or text message is
 * recorded right after the provider accepts it (a crash in between is the one way it can repeat).
 * If a channel fails the job throws to be retried with backoff; on the last attempt the channel is
 * marked FAILED and the row finished.
 */
@Injectable()
@JobHandler(JobName.DeliverNotification)
export class DeliverNotificationJob implements JobProcessor<JobName.DeliverNotification> {
  private readonly senders = new Map<Channel, ChannelSender>();
  private readonly templateContext: TemplateContext;
  /** Jobs in flight share their reads and their writes: one statement each per batch of jobs. */
  private readonly contexts: GroupBatcher<string, DeliveryContext | null>;
  private readonly outcomes: GroupBatcher<DeliveryOutcome, true>;

  constructor(
    private readonly deliveries: NotificationDeliveryRepository,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
    config: ConfigService,
  ) {
    for (const sender of senders) this.senders.set(sender.channel, sender);
    this.templateContext = { appUrl: config.get<string>('APP_URL') ?? null };
    this.contexts = new GroupBatcher(async (ids) => {
      const rows = await this.deliveries.loadContexts(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }, BATCHES_IN_FLIGHT);
    this.outcomes = new GroupBatcher((outcomes) => this.record(outcomes), BATCHES_IN_FLIGHT);
  }

  async process(job: TypedJob<JobName.DeliverNotification>): Promise<void> {
    const context = await this.contexts.load(job.data.outboxId);
    if (!context) return;
    const final = isLastAttempt(job);
    const outcome: DeliveryOutcome = {
      outboxId: context.id,
      inApp: [],
      delivered: [],
      failed: [],
      complete: true,
    };
    const addresses = new Map(context.addresses.map((address) => [address.userId, address]));
    const rendered = new Map<Audience, ReturnType<typeof renderNotification>>();
    const sends: Promise<void>[] = [];
    for (const recipient of context.recipients) {
      const address = addresses.get(recipient.userId);
      // A person deleted since the change has nothing left to deliver to.
      if (!address) continue;
      for (const channel of this.channelsFor(address)) {
        const status = context.deliveries.get(deliveryKey(address.userId, channel));
        if (status === DeliveryStatus.DELIVERED || status === DeliveryStatus.FAILED) continue;
        let text = rendered.get(recipient.audience);
        if (!text) {
          text = renderNotification(
            context.kind,
            context.data,
            recipient.audience,
            this.templateContext,
          );
          rendered.set(recipient.audience, text);
        }
        if (channel === Channel.IN_APP) {
          outcome.inApp.push({
            userId: address.userId,
            kind: context.kind,
            subject: text.subject,
            body: text.body,
          });
          outcome.delivered.push({ userId: address.userId, channel });
          continue;
        }
        const message: OutgoingMessage = {
          ...text,
          reference: `${context.id}.${address.userId}.${channel.toLowerCase()}`,
        };
        sends.push(
          this.send(channel, address, message).then(
            () => void outcome.delivered.push({ userId: address.userId, channel }),
            (error: Error) => {
              outcome.failed.push({ userId: address.userId, channel, error: error.message, final });
              if (!final) outcome.complete = false;
            },
          ),
        );
      }
    }
    await Promise.all(sends);
    await this.outcomes.load(outcome);
    if (outcome.failed.length > 0) {
      const summary = outcome.failed
        .map((failure) => `${failure.channel}: ${failure.error}`)
        .join('; ');
      throw new Error(
        `${outcome.failed.length} channel(s) failed${final ? ' for good' : ''}: ${summary}`,
      );
    }
  }

  private channelsFor(address: RecipientAddress): Channel[] {
    const channels = [Channel.IN_APP];
    if (address.emailEnabled && this.senders.has(Channel.EMAIL)) channels.push(Channel.EMAIL);
    if (address.smsEnabled && address.phoneNumber && this.senders.has(Channel.SMS))
      channels.push(Channel.SMS);
    return channels;
  }

  private send(
    channel: Channel,
    address: RecipientAddress,
    message: OutgoingMessage,
  ): Promise<void> {
    const sender = this.senders.get(channel);
    if (!sender) return Promise.reject(new Error(`no provider for ${channel}`));
    return sender.send({ email: address.email, phoneNumber: address.phoneNumber }, message);
  }

  /** One statement for the batch; if it fails, each outcome alone, so one bad row fails only its job. */
  private async record(outcomes: readonly DeliveryOutcome[]): Promise<(true | Error)[]> {
    try {
      await this.deliveries.record(outcomes);
      return outcomes.map(() => true as const);
    } catch (error) {
      if (outcomes.length === 1) return [error as Error];
      return Promise.all(
        outcomes.map((outcome) =>
          this.deliveries.record([outcome]).then(
            () => true as const,
            (single: Error) => single,
          ),
        ),
      );
    }
  }
}
